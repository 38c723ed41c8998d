package dev.quire.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.core.qbusiness.documents.AclEvaluator;
import dev.quire.core.qbusiness.documents.PrincipalSet;
import dev.quire.spi.index.AccessControl;
import dev.quire.spi.index.AccessControl.Access;
import dev.quire.spi.index.AccessControl.ControlList;
import dev.quire.spi.index.AccessControl.MemberRelation;
import dev.quire.spi.index.AccessControl.MembershipType;
import dev.quire.spi.index.AccessControl.Principal;
import dev.quire.spi.index.AccessControl.PrincipalType;
import dev.quire.spi.search.AclTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The index enforces {@link AclTerms}; the reference is {@link AclEvaluator}. For random ACLs and
 * random users (aliases, INDEX and DATASOURCE groups, mixed case) the compiled terms must agree
 * with the reference on every pair: no leak, no loss.
 */
class AclCompilerAgreementTest {
    private static final List<String> USERS = List.of("mary@example.com", "MATEO@example.com", "john@example.com", "ds:user", "x");
    private static final List<String> GROUPS = List.of("core-team", "Core-Team", "eng", "ds1:eng", "all");
    private static final List<String> SOURCES = List.of("ds1", "ds2");

    @Test
    void compiledTermsAgreeWithTheReferenceEvaluatorOnRandomCases() {
        Random random = new Random(20261127);
        int allowed = 0;
        int trials = 20_000;
        for (int i = 0; i < trials; i++) {
            AccessControl acl = randomAcl(random);
            String docSource = random.nextInt(3) == 0 ? null : SOURCES.get(random.nextInt(SOURCES.size()));
            PrincipalSet who = randomUser(random);
            boolean expected = AclEvaluator.canRead(acl, docSource, who);
            AclTerms terms = AclCompiler.compile(acl, docSource);
            boolean actual = terms.permits(PrincipalTerms.of(who, SOURCES));
            assertThat(actual).as("trial %d: %s on %s for %s", i, acl, docSource, who).isEqualTo(expected);
            allowed += expected ? 1 : 0;
        }
        // Both outcomes must be well represented, or the agreement proves little.
        assertThat(allowed).isBetween(trials / 10, trials * 9 / 10);
    }

    @Test
    void anUnrestrictedDocumentIsForEveryone() {
        assertThat(AclCompiler.compile(AccessControl.UNRESTRICTED, null).permits(Set.of("u:anyone"))).isTrue();
        assertThat(AclCompiler.compile(null, "ds1").permits(Set.of())).isTrue();
    }

    @Test
    void termsCannotBeForgedWithSeparatorsInNames() {
        // An INDEX user literally named "ds1:mary" must not match a DATASOURCE principal "mary" of ds1.
        AccessControl acl = new AccessControl(List.of(new ControlList(List.of(
                new Principal(PrincipalType.USER, "mary", Access.ALLOW, MembershipType.DATASOURCE)), MemberRelation.OR)), MemberRelation.OR);
        PrincipalSet impostor = new PrincipalSet("ds1:mary", List.of(new PrincipalSet.Alias("other", "ds1")), List.of());
        assertThat(AclCompiler.compile(acl, "ds1").permits(PrincipalTerms.of(impostor, SOURCES))).isFalse();
        assertThat(AclEvaluator.canRead(acl, "ds1", impostor)).isFalse();
    }

    @Test
    void aRuleTooLargeToCompileIsRefusedRatherThanWidened() {
        List<ControlList> controls = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            controls.add(new ControlList(List.of(
                    new Principal(PrincipalType.GROUP, "a" + c, Access.ALLOW, MembershipType.INDEX),
                    new Principal(PrincipalType.GROUP, "b" + c, Access.ALLOW, MembershipType.INDEX)), MemberRelation.OR));
        }
        AccessControl acl = new AccessControl(controls, MemberRelation.AND);
        assertThatThrownBy(() -> AclCompiler.compile(acl, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too complex");
    }

    private static AccessControl randomAcl(Random r) {
        if (r.nextInt(8) == 0) {
            return AccessControl.UNRESTRICTED;
        }
        List<ControlList> controls = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int c = 0; c < n; c++) {
            List<Principal> principals = new ArrayList<>();
            int m = 1 + r.nextInt(3);
            for (int k = 0; k < m; k++) {
                boolean group = r.nextBoolean();
                String name = group ? GROUPS.get(r.nextInt(GROUPS.size())) : USERS.get(r.nextInt(USERS.size()));
                principals.add(new Principal(group ? PrincipalType.GROUP : PrincipalType.USER, name,
                        r.nextInt(5) == 0 ? Access.DENY : Access.ALLOW,
                        r.nextInt(3) == 0 ? MembershipType.DATASOURCE : MembershipType.INDEX));
            }
            controls.add(new ControlList(principals, r.nextBoolean() ? MemberRelation.AND : MemberRelation.OR));
        }
        return new AccessControl(controls, r.nextBoolean() ? MemberRelation.AND : MemberRelation.OR);
    }

    private static PrincipalSet randomUser(Random r) {
        String id = USERS.get(r.nextInt(USERS.size()));
        if (r.nextBoolean()) {
            id = id.toUpperCase();
        }
        List<PrincipalSet.Alias> aliases = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            aliases.add(new PrincipalSet.Alias(USERS.get(r.nextInt(USERS.size())),
                    r.nextBoolean() ? null : SOURCES.get(r.nextInt(SOURCES.size()))));
        }
        List<PrincipalSet.Group> groups = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            groups.add(new PrincipalSet.Group(GROUPS.get(r.nextInt(GROUPS.size())),
                    r.nextInt(3) == 0 ? SOURCES.get(r.nextInt(SOURCES.size())) : null));
        }
        return new PrincipalSet(id, aliases, groups);
    }
}
