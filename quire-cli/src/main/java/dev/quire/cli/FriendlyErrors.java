package dev.quire.cli;

import picocli.CommandLine;

/**
 * Start-up problems the user can fix (port taken, data dir not writable, bad settings) are shown
 * as one clear line instead of a stack trace; set QUIRE_DEBUG=1 for the trace.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (System.getenv("QUIRE_DEBUG") != null) {
            e.printStackTrace();
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        cmd.getErr().println("quire: " + message);
        return e instanceof IllegalStateException || e instanceof IllegalArgumentException ? 2 : 1;
    }
}
