package dev.quire.examples;

/** How every main ends: a known failure prints one line and exits 1, as the seed's sys.exit(1) does. */
final class ProgramExit {
    private ProgramExit() {
    }

    interface Body {
        void run() throws Exception;
    }

    static void run(Body body) {
        try {
            body.run();
        } catch (Env.MissingVariableException | StepFailedException e) {
            System.out.println(e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
