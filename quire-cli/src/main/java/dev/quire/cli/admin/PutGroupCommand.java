package dev.quire.cli.admin;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.qbusiness.QBusinessClient;
import software.amazon.awssdk.services.qbusiness.model.MemberUser;
import software.amazon.awssdk.services.qbusiness.model.MembershipType;

/** {@code quire admin put-group}: a group of the index, for documents whose ACL names it. */
@Command(name = "put-group", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create or replace a group of an index (PutGroup, INDEX membership).",
                "Documents ingested with --group G are readable by exactly its members."},
        footer = {"", "Example:",
                "  ./quire admin put-group --profile quire --application-id <app> --index-id <index> \\",
                "      --group core-team --user mary@example.com --user john@example.com"})
public final class PutGroupCommand implements Callable<Integer> {
    @Mixin
    AdminConnection connection = new AdminConnection();

    @Option(names = "--application-id", required = true, description = "The application id.")
    String applicationId;

    @Option(names = "--index-id", required = true, description = "The index id.")
    String indexId;

    @Option(names = "--group", required = true, description = "The group's name, e.g. core-team.")
    String group;

    @Option(names = "--user", required = true, split = ",", paramLabel = "EMAIL",
            description = "A member (the user id as the IdP's email claim says it); repeat or separate with commas.")
    List<String> users;

    private final PrintStream out;

    public PutGroupCommand() {
        this(System.out);
    }

    public PutGroupCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        List<MemberUser> members = users.stream().map(String::strip).filter(u -> !u.isEmpty())
                .map(u -> MemberUser.builder().userId(u).type(MembershipType.INDEX).build()).toList();
        try (QBusinessClient qb = connection.qbusiness()) {
            qb.putGroup(r -> r.applicationId(applicationId).indexId(indexId).groupName(group)
                    .type(MembershipType.INDEX).groupMembers(m -> m.memberUsers(members)));
        }
        out.println("  ✓ group " + group + ": " + members.size() + " member(s): "
                + String.join(", ", members.stream().map(MemberUser::userId).toList()));
        return 0;
    }
}
