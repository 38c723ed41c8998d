package dev.quire.identity.saml;

import static dev.quire.identity.saml.SamlNames.ASSERTION_NS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The Subject and Conditions of a signed assertion, checked against the clock and the accepted
 * audiences. {@code inResponseTo} is the bearer SubjectConfirmationData's (null when absent): only
 * the service provider that sent the request can judge it.
 */
record AssertionSubject(String nameId, String nameIdFormat, String subjectType, String recipient,
                        List<String> audiences, Instant notOnOrAfter, String inResponseTo) {

    static AssertionSubject read(Element assertion, Instant now, Set<String> acceptedAudiences) throws SamlException {
        Element subject = SecureXml.requiredChild(assertion, ASSERTION_NS, "Subject");
        if (SecureXml.optionalChild(subject, ASSERTION_NS, "EncryptedID") != null) {
            throw SamlException.invalid("encrypted NameID is not supported");
        }
        Element nameIdElement = SecureXml.requiredChild(subject, ASSERTION_NS, "NameID");
        String nameId = SecureXml.text(nameIdElement);
        String format = SecureXml.optionalAttribute(nameIdElement, "Format");
        if (format == null || format.isEmpty()) {
            format = SamlNames.NAMEID_UNSPECIFIED;
        }

        Element confirmationData = bearerConfirmationData(subject);
        String recipient = SecureXml.requiredAttribute(confirmationData, "Recipient");
        Instant confirmationNotOnOrAfter = time(confirmationData, "NotOnOrAfter", true);
        Instant confirmationNotBefore = time(confirmationData, "NotBefore", false);

        Element conditions = SecureXml.requiredChild(assertion, ASSERTION_NS, "Conditions");
        Instant notBefore = time(conditions, "NotBefore", false);
        Instant conditionsNotOnOrAfter = time(conditions, "NotOnOrAfter", false);

        requireNotBefore(notBefore, now, "Conditions");
        requireNotBefore(confirmationNotBefore, now, "SubjectConfirmationData");
        requireNotOnOrAfter(conditionsNotOnOrAfter, now, "Conditions");
        requireNotOnOrAfter(confirmationNotOnOrAfter, now, "SubjectConfirmationData");
        Instant notOnOrAfter = conditionsNotOnOrAfter != null && conditionsNotOnOrAfter.isBefore(confirmationNotOnOrAfter)
                ? conditionsNotOnOrAfter : confirmationNotOnOrAfter;

        List<String> audiences = audiences(conditions, acceptedAudiences);
        return new AssertionSubject(nameId, format, subjectType(format), recipient, audiences, notOnOrAfter,
                SecureXml.optionalAttribute(confirmationData, "InResponseTo"));
    }

    /** AWS's SubjectType: the short name for persistent and transient, the full format URI otherwise. */
    static String subjectType(String format) {
        if ((SamlNames.NAMEID_FORMAT_PREFIX + "persistent").equals(format)) {
            return "persistent";
        }
        if ((SamlNames.NAMEID_FORMAT_PREFIX + "transient").equals(format)) {
            return "transient";
        }
        return format;
    }

    static Element bearerConfirmationData(Element subject) throws SamlException {
        List<Element> bearers = new ArrayList<>();
        for (Element confirmation : SecureXml.children(subject, ASSERTION_NS, "SubjectConfirmation")) {
            if (SamlNames.CM_BEARER.equals(confirmation.getAttributeNS(null, "Method"))) {
                bearers.add(confirmation);
            }
        }
        if (bearers.size() != 1) {
            throw SamlException.invalid("exactly one bearer SubjectConfirmation is required");
        }
        return SecureXml.requiredChild(bearers.get(0), ASSERTION_NS, "SubjectConfirmationData");
    }

    /** Every AudienceRestriction must name an accepted audience (SAML: each restriction must hold). */
    private static List<String> audiences(Element conditions, Set<String> accepted) throws SamlException {
        List<Element> restrictions = SecureXml.children(conditions, ASSERTION_NS, "AudienceRestriction");
        if (restrictions.isEmpty()) {
            throw SamlException.invalid("missing AudienceRestriction");
        }
        List<String> all = new ArrayList<>();
        for (Element restriction : restrictions) {
            boolean satisfied = false;
            for (Element audience : SecureXml.children(restriction, ASSERTION_NS, "Audience")) {
                String value = SecureXml.text(audience);
                all.add(value);
                satisfied |= accepted.contains(value);
            }
            if (!satisfied) {
                throw SamlException.invalid("Audience is not accepted by this service provider");
            }
        }
        return all;
    }

    private static void requireNotBefore(Instant notBefore, Instant now, String where) throws SamlException {
        if (notBefore != null && now.plus(SamlResponseVerifier.CLOCK_SKEW).isBefore(notBefore)) {
            throw SamlException.expired(where + " NotBefore is in the future");
        }
    }

    private static void requireNotOnOrAfter(Instant notOnOrAfter, Instant now, String where) throws SamlException {
        if (notOnOrAfter != null && !now.minus(SamlResponseVerifier.CLOCK_SKEW).isBefore(notOnOrAfter)) {
            throw SamlException.expired(where + " NotOnOrAfter has passed");
        }
    }

    private static Instant time(Element element, String name, boolean required) throws SamlException {
        String value = SecureXml.optionalAttribute(element, name);
        if (value == null) {
            if (required) {
                throw SamlException.invalid("missing " + name + " on " + element.getLocalName());
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw SamlException.invalid("bad " + name + " on " + element.getLocalName(), e);
        }
    }
}
