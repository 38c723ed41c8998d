package dev.quire.core.qbusiness.documents;

import java.util.List;
import java.util.Objects;

/**
 * Everything a user is known as in one index, as ACL evaluation needs it.
 *
 * @param userId  the user's id in the application (usually the email), compared case-insensitively
 * @param aliases the user's ids elsewhere: dataSourceId null = another id in the index itself,
 *                otherwise the user's id in that data source
 * @param groups  the groups the user belongs to: dataSourceId null = an index-level group,
 *                otherwise a group of that data source
 */
public record PrincipalSet(String userId, List<Alias> aliases, List<Group> groups) {
    public PrincipalSet {
        Objects.requireNonNull(userId, "userId");
        aliases = List.copyOf(aliases);
        groups = List.copyOf(groups);
    }

    public static PrincipalSet userOnly(String userId) {
        return new PrincipalSet(userId, List.of(), List.of());
    }

    public record Alias(String userId, String dataSourceId) {
        public Alias {
            Objects.requireNonNull(userId, "userId");
        }
    }

    public record Group(String name, String dataSourceId) {
        public Group {
            Objects.requireNonNull(name, "name");
        }
    }
}
