package dev.quire.core.qbusiness.groups;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * Which group: its name within an index, either index-wide ({@code dataSourceId} null, type
 * INDEX) or mapped for one data source (type DATASOURCE). The same name can exist once per scope.
 */
public record GroupKey(String indexId, String dataSourceId, String groupName) {
    public GroupKey {
        Objects.requireNonNull(indexId, "indexId");
        Objects.requireNonNull(groupName, "groupName");
    }

    @JsonIgnore
    public MembershipType type() {
        return dataSourceId == null ? MembershipType.INDEX : MembershipType.DATASOURCE;
    }

    @Override
    public String toString() {
        return dataSourceId == null ? groupName : groupName + " (data source " + dataSourceId + ")";
    }
}
