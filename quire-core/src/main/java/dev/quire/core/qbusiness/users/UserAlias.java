package dev.quire.core.qbusiness.users;

import java.util.Objects;

/**
 * One of a user's other ids: global (no index, no data source), for one index, or for one data
 * source (the id the data source's ACLs use for this person). A user has at most one alias per
 * (indexId, dataSourceId) slot.
 */
public record UserAlias(String indexId, String dataSourceId, String userId) {
    public UserAlias {
        Objects.requireNonNull(userId, "userId");
    }

    /** The slot this alias occupies: at most one alias per slot and user. */
    public String slot() {
        return (indexId == null ? "-" : indexId) + "|" + (dataSourceId == null ? "-" : dataSourceId);
    }

    /** Whether this alias names the user in index {@code index} outside any one data source. */
    public boolean appliesToIndex(String index) {
        return dataSourceId == null && (indexId == null || indexId.equals(index));
    }

    /** Whether this alias names the user in data source {@code dataSource} of index {@code index}. */
    public boolean appliesToDataSource(String index, String dataSource) {
        return dataSource.equals(dataSourceId) && (indexId == null || indexId.equals(index));
    }
}
