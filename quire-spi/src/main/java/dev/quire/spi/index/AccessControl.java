package dev.quire.spi.index;

import java.util.List;
import java.util.Objects;

/**
 * A document's accessConfiguration: access control lists combined by {@code memberRelation}.
 * No lists at all ({@link #UNRESTRICTED}) means the document had no accessConfiguration and every
 * user of the application may read it. The evaluation rules are in quire-core's AclEvaluator and
 * docs/access-control.md.
 */
public record AccessControl(List<ControlList> controls, MemberRelation memberRelation) {
    public static final AccessControl UNRESTRICTED = new AccessControl(List.of(), MemberRelation.OR);

    public AccessControl {
        controls = List.copyOf(controls);
        memberRelation = memberRelation == null ? MemberRelation.OR : memberRelation;
    }

    public boolean unrestricted() {
        return controls.isEmpty();
    }

    public enum MemberRelation { AND, OR }

    public enum PrincipalType { USER, GROUP }

    public enum Access { ALLOW, DENY }

    public enum MembershipType { INDEX, DATASOURCE }

    /** One AccessControl: principals combined by {@code memberRelation} (OR when absent). */
    public record ControlList(List<Principal> principals, MemberRelation memberRelation) {
        public ControlList {
            principals = List.copyOf(principals);
            memberRelation = memberRelation == null ? MemberRelation.OR : memberRelation;
        }
    }

    /**
     * A user (by id) or group (by name) that is allowed or denied; INDEX principals are the
     * index's own users and groups, DATASOURCE ones those of the document's data source.
     */
    public record Principal(PrincipalType type, String name, Access access, MembershipType membershipType) {
        public Principal {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(access, "access");
            membershipType = membershipType == null ? MembershipType.INDEX : membershipType;
        }
    }
}
