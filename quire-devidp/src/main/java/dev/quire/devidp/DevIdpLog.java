package dev.quire.devidp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The IdP's only logger: every line is prefixed so nobody mistakes it for a real IdP in a log. */
final class DevIdpLog {
    static final String PREFIX = "[DEVELOPMENT IdP - NOT FOR PRODUCTION] ";
    private static final Logger LOG = LoggerFactory.getLogger(DevIdp.class);

    private DevIdpLog() {
    }

    static void warn(String format, Object... args) {
        LOG.warn(PREFIX + format, args);
    }

    static void info(String format, Object... args) {
        LOG.info(PREFIX + format, args);
    }

    static void debug(String format, Object... args) {
        LOG.debug(PREFIX + format, args);
    }
}
