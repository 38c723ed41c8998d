package dev.quire.core.qbusiness.datasources;

/** What happens to a data source's documents when it is deleted (implemented by the documents service). */
@FunctionalInterface
public interface DataSourceDocuments {
    DataSourceDocuments NONE = (applicationId, indexId, dataSourceId) -> 0;

    /** Marks every document of the data source for deletion; called inside the deleting transaction. */
    int deleteAllOf(String applicationId, String indexId, String dataSourceId);
}
