package dev.quire.protocol.restjson;

import java.util.List;

/**
 * The qbusiness restJson1 route table: all 83 operations of the 2023-11-27 model, read off the
 * AWS SDK for Java v2 (2.36.2) request marshallers. A request that matches no route is an
 * unknown operation; a routed operation Quire does not implement answers ValidationException
 * with reason UNKNOWN_OPERATION.
 */
public final class QBusinessRoutes {
    private QBusinessRoutes() {
    }

    public static RouteTable table() {
        return new RouteTable(List.of(
                Route.of("POST", "/applications/{applicationId}/policy", "AssociatePermission"),
                Route.of("POST", "/applications/{applicationId}/indices/{indexId}/documents/delete", "BatchDeleteDocument"),
                Route.of("POST", "/applications/{applicationId}/indices/{indexId}/documents", "BatchPutDocument"),
                Route.of("DELETE", "/applications/{applicationId}/subscriptions/{subscriptionId}", "CancelSubscription"),
                Route.of("POST", "/applications/{applicationId}/conversations", "Chat"),
                new Route("POST", "/applications/{applicationId}/conversations", "ChatSync", "sync"),
                Route.of("GET", "/applications/{applicationId}/index/{indexId}/users/{userId}/documents/{documentId}/check-document-access", "CheckDocumentAccess"),
                Route.of("POST", "/applications/{applicationId}/experiences/{webExperienceId}/anonymous-url", "CreateAnonymousWebExperienceUrl"),
                Route.of("POST", "/applications", "CreateApplication"),
                Route.of("POST", "/applications/{applicationId}/chatresponseconfigurations", "CreateChatResponseConfiguration"),
                Route.of("POST", "/applications/{applicationId}/dataaccessors", "CreateDataAccessor"),
                Route.of("POST", "/applications/{applicationId}/indices/{indexId}/datasources", "CreateDataSource"),
                Route.of("POST", "/applications/{applicationId}/indices", "CreateIndex"),
                Route.of("POST", "/applications/{applicationId}/plugins", "CreatePlugin"),
                Route.of("POST", "/applications/{applicationId}/retrievers", "CreateRetriever"),
                Route.of("POST", "/applications/{applicationId}/subscriptions", "CreateSubscription"),
                Route.of("POST", "/applications/{applicationId}/users", "CreateUser"),
                Route.of("POST", "/applications/{applicationId}/experiences", "CreateWebExperience"),
                Route.of("DELETE", "/applications/{applicationId}", "DeleteApplication"),
                Route.of("DELETE", "/applications/{applicationId}/conversations/{conversationId}/attachments/{attachmentId}", "DeleteAttachment"),
                Route.of("DELETE", "/applications/{applicationId}/chatcontrols", "DeleteChatControlsConfiguration"),
                Route.of("DELETE", "/applications/{applicationId}/chatresponseconfigurations/{chatResponseConfigurationId}", "DeleteChatResponseConfiguration"),
                Route.of("DELETE", "/applications/{applicationId}/conversations/{conversationId}", "DeleteConversation"),
                Route.of("DELETE", "/applications/{applicationId}/dataaccessors/{dataAccessorId}", "DeleteDataAccessor"),
                Route.of("DELETE", "/applications/{applicationId}/indices/{indexId}/datasources/{dataSourceId}", "DeleteDataSource"),
                Route.of("DELETE", "/applications/{applicationId}/indices/{indexId}/groups/{groupName}", "DeleteGroup"),
                Route.of("DELETE", "/applications/{applicationId}/indices/{indexId}", "DeleteIndex"),
                Route.of("DELETE", "/applications/{applicationId}/plugins/{pluginId}", "DeletePlugin"),
                Route.of("DELETE", "/applications/{applicationId}/retrievers/{retrieverId}", "DeleteRetriever"),
                Route.of("DELETE", "/applications/{applicationId}/users/{userId}", "DeleteUser"),
                Route.of("DELETE", "/applications/{applicationId}/experiences/{webExperienceId}", "DeleteWebExperience"),
                Route.of("DELETE", "/applications/{applicationId}/policy/{statementId}", "DisassociatePermission"),
                Route.of("GET", "/applications/{applicationId}", "GetApplication"),
                Route.of("GET", "/applications/{applicationId}/chatcontrols", "GetChatControlsConfiguration"),
                Route.of("GET", "/applications/{applicationId}/chatresponseconfigurations/{chatResponseConfigurationId}", "GetChatResponseConfiguration"),
                Route.of("GET", "/applications/{applicationId}/dataaccessors/{dataAccessorId}", "GetDataAccessor"),
                Route.of("GET", "/applications/{applicationId}/indices/{indexId}/datasources/{dataSourceId}", "GetDataSource"),
                Route.of("GET", "/applications/{applicationId}/index/{indexId}/documents/{documentId}/content", "GetDocumentContent"),
                Route.of("GET", "/applications/{applicationId}/indices/{indexId}/groups/{groupName}", "GetGroup"),
                Route.of("GET", "/applications/{applicationId}/indices/{indexId}", "GetIndex"),
                Route.of("GET", "/applications/{applicationId}/conversations/{conversationId}/messages/{messageId}/media/{mediaId}", "GetMedia"),
                Route.of("GET", "/applications/{applicationId}/plugins/{pluginId}", "GetPlugin"),
                Route.of("GET", "/applications/{applicationId}/policy", "GetPolicy"),
                Route.of("GET", "/applications/{applicationId}/retrievers/{retrieverId}", "GetRetriever"),
                Route.of("GET", "/applications/{applicationId}/users/{userId}", "GetUser"),
                Route.of("GET", "/applications/{applicationId}/experiences/{webExperienceId}", "GetWebExperience"),
                Route.of("GET", "/applications", "ListApplications"),
                Route.of("GET", "/applications/{applicationId}/attachments", "ListAttachments"),
                Route.of("GET", "/applications/{applicationId}/chatresponseconfigurations", "ListChatResponseConfigurations"),
                Route.of("GET", "/applications/{applicationId}/conversations", "ListConversations"),
                Route.of("GET", "/applications/{applicationId}/dataaccessors", "ListDataAccessors"),
                Route.of("GET", "/applications/{applicationId}/indices/{indexId}/datasources/{dataSourceId}/syncjobs", "ListDataSourceSyncJobs"),
                Route.of("GET", "/applications/{applicationId}/indices/{indexId}/datasources", "ListDataSources"),
                Route.of("GET", "/applications/{applicationId}/index/{indexId}/documents", "ListDocuments"),
                Route.of("GET", "/applications/{applicationId}/indices/{indexId}/groups", "ListGroups"),
                Route.of("GET", "/applications/{applicationId}/indices", "ListIndices"),
                Route.of("GET", "/applications/{applicationId}/conversations/{conversationId}", "ListMessages"),
                // Quire's own (not in the AWS model): why the caller could read each document a message cites.
                Route.of("GET", "/_quire/applications/{applicationId}/conversations/{conversationId}/messages/{messageId}/access",
                        "QuireExplainMessageAccess"),
                Route.of("GET", "/applications/{applicationId}/plugins/{pluginId}/actions", "ListPluginActions"),
                Route.of("GET", "/pluginTypeMetadata", "ListPluginTypeMetadata"),
                Route.of("GET", "/applications/{applicationId}/plugins", "ListPlugins"),
                Route.of("GET", "/applications/{applicationId}/retrievers", "ListRetrievers"),
                Route.of("GET", "/applications/{applicationId}/subscriptions", "ListSubscriptions"),
                Route.of("GET", "/v1/tags/{resourceARN}", "ListTagsForResource"),
                Route.of("GET", "/applications/{applicationId}/experiences", "ListWebExperiences"),
                Route.of("POST", "/applications/{applicationId}/conversations/{conversationId}/messages/{messageId}/feedback", "PutFeedback"),
                Route.of("PUT", "/applications/{applicationId}/indices/{indexId}/groups", "PutGroup"),
                Route.of("POST", "/applications/{applicationId}/relevant-content", "SearchRelevantContent"),
                Route.of("POST", "/applications/{applicationId}/indices/{indexId}/datasources/{dataSourceId}/startsync", "StartDataSourceSyncJob"),
                Route.of("POST", "/applications/{applicationId}/indices/{indexId}/datasources/{dataSourceId}/stopsync", "StopDataSourceSyncJob"),
                Route.of("POST", "/v1/tags/{resourceARN}", "TagResource"),
                Route.of("DELETE", "/v1/tags/{resourceARN}", "UntagResource"),
                Route.of("PUT", "/applications/{applicationId}", "UpdateApplication"),
                Route.of("PATCH", "/applications/{applicationId}/chatcontrols", "UpdateChatControlsConfiguration"),
                Route.of("PUT", "/applications/{applicationId}/chatresponseconfigurations/{chatResponseConfigurationId}", "UpdateChatResponseConfiguration"),
                Route.of("PUT", "/applications/{applicationId}/dataaccessors/{dataAccessorId}", "UpdateDataAccessor"),
                Route.of("PUT", "/applications/{applicationId}/indices/{indexId}/datasources/{dataSourceId}", "UpdateDataSource"),
                Route.of("PUT", "/applications/{applicationId}/indices/{indexId}", "UpdateIndex"),
                Route.of("PUT", "/applications/{applicationId}/plugins/{pluginId}", "UpdatePlugin"),
                Route.of("PUT", "/applications/{applicationId}/retrievers/{retrieverId}", "UpdateRetriever"),
                Route.of("PUT", "/applications/{applicationId}/subscriptions/{subscriptionId}", "UpdateSubscription"),
                Route.of("PUT", "/applications/{applicationId}/users/{userId}", "UpdateUser"),
                Route.of("PUT", "/applications/{applicationId}/experiences/{webExperienceId}", "UpdateWebExperience")));
    }
}
