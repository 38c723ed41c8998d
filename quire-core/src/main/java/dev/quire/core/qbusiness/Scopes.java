package dev.quire.core.qbusiness;

/**
 * How Q Business records are laid out in the metadata store. Everything an application owns
 * lives in a scope under {@code app/<applicationId>}, so deleting an application is one
 * {@code deleteScope} plus the application record itself: nothing can be left behind.
 *
 * <pre>
 * kind                          id                                   scope
 * qbusiness-application         applicationId                        ""
 * qbusiness-index               indexId                              app/&lt;app&gt;
 * qbusiness-retriever           retrieverId                          app/&lt;app&gt;
 * qbusiness-web-experience      webExperienceId                      app/&lt;app&gt;
 * qbusiness-user                &lt;app&gt;/&lt;lower-cased userId&gt;         app/&lt;app&gt;
 * qbusiness-subscription        subscriptionId                       app/&lt;app&gt;
 * qbusiness-conversation        conversationId                       app/&lt;app&gt;
 * qbusiness-data-source         dataSourceId                         app/&lt;app&gt;/index/&lt;index&gt;
 * qbusiness-group               &lt;index&gt;/&lt;dataSourceId or -&gt;/&lt;group&gt;  app/&lt;app&gt;/index/&lt;index&gt;
 * qbusiness-document            &lt;index&gt;/&lt;documentId&gt;               app/&lt;app&gt;/index/&lt;index&gt;
 * </pre>
 * Generated ids are UUIDs, so they are unique per kind across applications.
 */
public final class Scopes {
    private Scopes() {
    }

    public static String application(String applicationId) {
        return "app/" + applicationId;
    }

    public static String index(String applicationId, String indexId) {
        return application(applicationId) + "/index/" + indexId;
    }
}
