package dev.quire.cli.demo;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The "what now" block printed once the demo is ready. */
public final class DemoNextSteps {
    private DemoNextSteps() {
    }

    public static void print(PrintStream out, Demo demo, Path dataDir) {
        out.println();
        out.println("Quire demo is ready.");
        out.println("  endpoint:    " + demo.server().endpoint());
        out.println("  application: " + DemoProvisioner.DISPLAY_NAME + " (" + demo.app().applicationId() + ")");
        String web = demo.app().webExperienceEndpoint();
        out.println("  web chat:    " + (web != null && answers(web) ? web : "coming (the web experience "
                + (web == null ? "has no endpoint" : web + " does not answer") + " yet)"));
        out.println("  dev IdP:     " + demo.idp().issuer() + "  (development only)");
        out.println("  root keys:   " + (demo.server().credentialsFile() == null ? "from the environment"
                : demo.server().credentialsFile() + " (profile 'quire')"));
        out.println("  users (passwords in " + dataDir.resolve(DemoUsers.FILE) + "):");
        for (DemoUsers.DemoUser u : demo.users().all()) {
            out.printf("    %-7s %-27s password %s%s%n", u.username(), u.email(), u.password(),
                    u.coreTeam() ? "   (core-team: reads the ACME space)" : u.username().equals("mateo")
                            ? "   (reads the AnyOrgApp space)" : "");
        }
        String dirFlag = dataDir.toAbsolutePath().normalize().equals(Path.of("quire-data").toAbsolutePath().normalize())
                ? "" : " --data-dir " + dataDir;
        String endpointFlag = demo.server().port() == 8080 ? "" : " --endpoint " + demo.server().endpoint();
        out.println();
        out.println("Try, in another terminal:");
        out.println("  ./quire chat --user mary" + endpointFlag + dirFlag + "     then ask: who are the project team members?");
        out.println("  ./quire chat --user mateo" + endpointFlag + dirFlag + "    same question, other answer: only what Mateo may read");
        out.println("Press Ctrl-C to stop.");
    }

    private static boolean answers(String url) {
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
            return r.statusCode() < 400;
        } catch (Exception e) {
            return false;
        }
    }
}
