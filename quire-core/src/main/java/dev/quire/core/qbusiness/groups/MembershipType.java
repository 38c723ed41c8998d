package dev.quire.core.qbusiness.groups;

/**
 * Where a group or a member id is meaningful: {@code INDEX} is index-wide (global ids such as
 * emails, groups that apply to every data source of the index); {@code DATASOURCE} is local to
 * one data source (its own user ids and group names). See docs/user-store.md.
 */
public enum MembershipType {
    INDEX, DATASOURCE
}
