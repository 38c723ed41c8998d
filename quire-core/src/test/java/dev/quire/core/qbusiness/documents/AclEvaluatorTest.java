package dev.quire.core.qbusiness.documents;

import static dev.quire.spi.index.AccessControl.Access.ALLOW;
import static dev.quire.spi.index.AccessControl.Access.DENY;
import static dev.quire.spi.index.AccessControl.MemberRelation.AND;
import static dev.quire.spi.index.AccessControl.MemberRelation.OR;
import static dev.quire.spi.index.AccessControl.MembershipType.DATASOURCE;
import static dev.quire.spi.index.AccessControl.MembershipType.INDEX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.spi.index.AccessControl;
import dev.quire.spi.index.AccessControl.ControlList;
import dev.quire.spi.index.AccessControl.MemberRelation;
import dev.quire.spi.index.AccessControl.Principal;
import dev.quire.spi.index.AccessControl.PrincipalType;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule of docs/access-control.md, each with the case that would pass if the rule were removed. */
class AclEvaluatorTest {
    static final PrincipalSet ALICE = new PrincipalSet("alice@example.com",
            List.of(new PrincipalSet.Alias("a.smith", null), new PrincipalSet.Alias("asmith-wiki", "ds-wiki")),
            List.of(new PrincipalSet.Group("engineering", null), new PrincipalSet.Group("wiki-editors", "ds-wiki")));
    static final PrincipalSet BOB = new PrincipalSet("bob@example.com", List.of(),
            List.of(new PrincipalSet.Group("sales", null)));

    static Principal user(String id, AccessControl.Access access, AccessControl.MembershipType type) {
        return new Principal(PrincipalType.USER, id, access, type);
    }

    static Principal group(String name, AccessControl.Access access, AccessControl.MembershipType type) {
        return new Principal(PrincipalType.GROUP, name, access, type);
    }

    static AccessControl acl(MemberRelation top, ControlList... lists) {
        return new AccessControl(List.of(lists), top);
    }

    static ControlList list(MemberRelation relation, Principal... ps) {
        return new ControlList(List.of(ps), relation);
    }

    @Test
    void noAccessConfigurationLetsEveryUserRead() {
        assertThat(AclEvaluator.canRead(AccessControl.UNRESTRICTED, null, BOB)).isTrue();
        assertThat(AclEvaluator.canRead(null, "ds-wiki", ALICE)).isTrue();
    }

    @Test
    void allowedUserReadsOthersDoNot() {
        AccessControl a = acl(OR, list(OR, user("alice@example.com", ALLOW, INDEX)));
        assertThat(AclEvaluator.canRead(a, null, ALICE)).isTrue();
        assertThat(AclEvaluator.canRead(a, null, BOB)).isFalse();
    }

    @Test
    void userIdsCompareCaseInsensitively() {
        AccessControl a = acl(OR, list(OR, user("ALICE@Example.COM", ALLOW, INDEX)));
        assertThat(AclEvaluator.canRead(a, null, ALICE)).isTrue();
        PrincipalSet shouting = PrincipalSet.userOnly("Alice@EXAMPLE.com");
        assertThat(AclEvaluator.canRead(acl(OR, list(OR, user("alice@example.com", ALLOW, INDEX))), null, shouting))
                .isTrue();
    }

    @Test
    void groupNamesCompareExactly() {
        assertThat(AclEvaluator.canRead(acl(OR, list(OR, group("engineering", ALLOW, INDEX))), null, ALICE)).isTrue();
        assertThat(AclEvaluator.canRead(acl(OR, list(OR, group("Engineering", ALLOW, INDEX))), null, ALICE)).isFalse();
    }

    @Test
    void indexLevelAliasMatchesIndexPrincipal() {
        assertThat(AclEvaluator.canRead(acl(OR, list(OR, user("A.Smith", ALLOW, INDEX))), null, ALICE)).isTrue();
        // a data source alias is not an index identity
        assertThat(AclEvaluator.canRead(acl(OR, list(OR, user("asmith-wiki", ALLOW, INDEX))), null, ALICE)).isFalse();
    }

    @Nested
    class DenyOverridesAllow {
        @Test
        void denyInSameListWins() {
            AccessControl a = acl(OR, list(OR, group("engineering", ALLOW, INDEX), user("alice@example.com", DENY, INDEX)));
            assertThat(AclEvaluator.canRead(a, null, ALICE)).isFalse();
        }

        @Test
        void denyInAnotherListWinsEvenUnderOr() {
            AccessControl a = acl(OR, list(OR, user("alice@example.com", ALLOW, INDEX)),
                    list(OR, group("engineering", DENY, INDEX)));
            assertThat(AclEvaluator.canRead(a, null, ALICE)).isFalse();
        }

        @Test
        void denyOfSomeoneElseDoesNotAffectTheUser() {
            AccessControl a = acl(OR, list(OR, group("engineering", ALLOW, INDEX), group("sales", DENY, INDEX)));
            assertThat(AclEvaluator.canRead(a, null, ALICE)).isTrue();
            assertThat(AclEvaluator.canRead(a, null, BOB)).isFalse();
        }

        @Test
        void denyUnderAndListStillDeniesAlone() {
            AccessControl a = acl(OR, list(AND, group("engineering", ALLOW, INDEX), user("alice@example.com", DENY, INDEX),
                    user("nobody", DENY, INDEX)));
            assertThat(AclEvaluator.canRead(a, null, ALICE)).isFalse();
        }

        @Test
        void denyOnlyAclIsReadableByNobody() {
            AccessControl a = acl(OR, list(OR, user("bob@example.com", DENY, INDEX)));
            assertThat(AclEvaluator.canRead(a, null, ALICE)).isFalse();
            assertThat(AclEvaluator.canRead(a, null, BOB)).isFalse();
        }
    }

    @Nested
    class WithinOneAccessControl {
        @Test
        void orNeedsAnyAllow() {
            AccessControl a = acl(OR, list(OR, user("carol", ALLOW, INDEX), group("engineering", ALLOW, INDEX)));
            assertThat(AclEvaluator.canRead(a, null, ALICE)).isTrue();
            assertThat(AclEvaluator.canRead(a, null, BOB)).isFalse();
        }

        @Test
        void andNeedsEveryAllow() {
            AccessControl both = acl(OR, list(AND, user("alice@example.com", ALLOW, INDEX), group("engineering", ALLOW, INDEX)));
            AccessControl oneMissing = acl(OR, list(AND, user("alice@example.com", ALLOW, INDEX), group("sales", ALLOW, INDEX)));
            assertThat(AclEvaluator.canRead(both, null, ALICE)).isTrue();
            assertThat(AclEvaluator.canRead(oneMissing, null, ALICE)).isFalse();
        }

        @Test
        void absentRelationMeansOr() {
            AccessControl a = acl(null, list(null, user("carol", ALLOW, INDEX), group("engineering", ALLOW, INDEX)));
            assertThat(AclEvaluator.canRead(a, null, ALICE)).isTrue();
        }
    }

    @Nested
    class AcrossAccessControls {
        final ControlList engineers = list(OR, group("engineering", ALLOW, INDEX));
        final ControlList aliceOnly = list(OR, user("alice@example.com", ALLOW, INDEX));
        final ControlList salesOnly = list(OR, group("sales", ALLOW, INDEX));

        @Test
        void orNeedsAnySatisfiedList() {
            assertThat(AclEvaluator.canRead(acl(OR, engineers, salesOnly), null, ALICE)).isTrue();
            assertThat(AclEvaluator.canRead(acl(OR, engineers, salesOnly), null, BOB)).isTrue();
            assertThat(AclEvaluator.canRead(acl(OR, engineers), null, BOB)).isFalse();
        }

        @Test
        void andNeedsEverySatisfiedList() {
            assertThat(AclEvaluator.canRead(acl(AND, engineers, aliceOnly), null, ALICE)).isTrue();
            assertThat(AclEvaluator.canRead(acl(AND, engineers, salesOnly), null, ALICE)).isFalse();
        }

        @Test
        void denyOnlyListsDoNotBlockAnd() {
            ControlList denyBob = list(OR, user("bob@example.com", DENY, INDEX));
            assertThat(AclEvaluator.canRead(acl(AND, engineers, denyBob), null, ALICE)).isTrue();
        }
    }

    @Nested
    class DataSourceScope {
        @Test
        void dataSourceGroupCountsOnlyForItsDataSource() {
            AccessControl a = acl(OR, list(OR, group("wiki-editors", ALLOW, DATASOURCE)));
            assertThat(AclEvaluator.canRead(a, "ds-wiki", ALICE)).isTrue();
            assertThat(AclEvaluator.canRead(a, "ds-drive", ALICE)).isFalse();
            assertThat(AclEvaluator.canRead(a, null, ALICE)).isFalse();
        }

        @Test
        void dataSourceGroupIsNotAnIndexGroup() {
            assertThat(AclEvaluator.canRead(acl(OR, list(OR, group("wiki-editors", ALLOW, INDEX))), "ds-wiki", ALICE))
                    .isFalse();
            assertThat(AclEvaluator.canRead(acl(OR, list(OR, group("engineering", ALLOW, DATASOURCE))), "ds-wiki", ALICE))
                    .isFalse();
        }

        @Test
        void dataSourceUserMatchesTheAliasThere() {
            AccessControl byAlias = acl(OR, list(OR, user("ASMITH-WIKI", ALLOW, DATASOURCE)));
            assertThat(AclEvaluator.canRead(byAlias, "ds-wiki", ALICE)).isTrue();
            assertThat(AclEvaluator.canRead(byAlias, "ds-drive", ALICE)).isFalse();
            // the alias replaces the user's own id in that data source
            AccessControl byEmail = acl(OR, list(OR, user("alice@example.com", ALLOW, DATASOURCE)));
            assertThat(AclEvaluator.canRead(byEmail, "ds-wiki", ALICE)).isFalse();
        }

        @Test
        void dataSourceUserWithoutAliasMatchesOwnId() {
            AccessControl a = acl(OR, list(OR, user("alice@example.com", ALLOW, DATASOURCE)));
            assertThat(AclEvaluator.canRead(a, "ds-drive", ALICE)).isTrue();
            assertThat(AclEvaluator.canRead(a, null, ALICE)).isFalse();
        }

        @Test
        void dataSourceDenyAppliesInItsDataSourceOnly() {
            AccessControl a = acl(OR, list(OR, group("engineering", ALLOW, INDEX), group("wiki-editors", DENY, DATASOURCE)));
            assertThat(AclEvaluator.canRead(a, "ds-wiki", ALICE)).isFalse();
            assertThat(AclEvaluator.canRead(a, "ds-drive", ALICE)).isTrue();
        }
    }

    @Test
    void unknownUserWithNoGroupsIsDeniedByAnyAcl() {
        PrincipalSet stranger = PrincipalSet.userOnly("mallory@example.com");
        AccessControl a = acl(OR, list(OR, group("engineering", ALLOW, INDEX), user("alice@example.com", ALLOW, INDEX)));
        assertThat(AclEvaluator.canRead(a, null, stranger)).isFalse();
    }
}
