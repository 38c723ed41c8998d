package dev.quire.core.qbusiness.tags;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Q Business resource ARNs, as in the AWS Service Authorization Reference:
 * <pre>
 * arn:aws:qbusiness:&lt;region&gt;:&lt;account&gt;:application/&lt;app&gt;
 *   …/index/&lt;index&gt;   …/index/&lt;index&gt;/data-source/&lt;ds&gt;
 *   …/retriever/&lt;id&gt;   …/web-experience/&lt;id&gt;   …/plugin/&lt;id&gt;
 * </pre>
 * Child ARNs are built from the application's ARN so they share its region and account.
 *
 * @param resourceType APPLICATION, INDEX, DATA_SOURCE, RETRIEVER, WEB_EXPERIENCE or PLUGIN
 * @param indexId      the index for INDEX and DATA_SOURCE, else null
 * @param resourceId   the id of the resource the ARN names (the application id for APPLICATION)
 */
public record QBusinessArn(String region, String accountId, String resourceType, String applicationId,
                           String indexId, String resourceId) {
    private static final Pattern ARN = Pattern.compile(
            "arn:aws:qbusiness:([a-z0-9-]+):(\\d{12}):application/([^/]+)"
                    + "(?:/(index|retriever|web-experience|plugin)/([^/]+)(?:/data-source/([^/]+))?)?");

    public static String application(String region, String accountId, String applicationId) {
        return "arn:aws:qbusiness:" + region + ":" + accountId + ":application/" + applicationId;
    }

    public static String index(String applicationArn, String indexId) {
        return applicationArn + "/index/" + indexId;
    }

    public static String dataSource(String applicationArn, String indexId, String dataSourceId) {
        return index(applicationArn, indexId) + "/data-source/" + dataSourceId;
    }

    public static String retriever(String applicationArn, String retrieverId) {
        return applicationArn + "/retriever/" + retrieverId;
    }

    public static String webExperience(String applicationArn, String webExperienceId) {
        return applicationArn + "/web-experience/" + webExperienceId;
    }

    public static String plugin(String applicationArn, String pluginId) {
        return applicationArn + "/plugin/" + pluginId;
    }

    public static Optional<QBusinessArn> parse(String arn) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            return Optional.empty();
        }
        String child = m.group(4);
        if (child == null) {
            return Optional.of(new QBusinessArn(m.group(1), m.group(2), "APPLICATION", m.group(3), null, m.group(3)));
        }
        if (m.group(6) != null) {
            return child.equals("index")
                    ? Optional.of(new QBusinessArn(m.group(1), m.group(2), "DATA_SOURCE", m.group(3), m.group(5), m.group(6)))
                    : Optional.empty();
        }
        String type = switch (child) {
            case "index" -> "INDEX";
            case "retriever" -> "RETRIEVER";
            case "web-experience" -> "WEB_EXPERIENCE";
            default -> "PLUGIN";
        };
        return Optional.of(new QBusinessArn(m.group(1), m.group(2), type, m.group(3),
                type.equals("INDEX") ? m.group(5) : null, m.group(5)));
    }

    /** The ARN after {@code <account>:}, used as the id of the resource's tag record. */
    public String resourcePath() {
        String path = "application/" + applicationId;
        return switch (resourceType) {
            case "APPLICATION" -> path;
            case "INDEX" -> path + "/index/" + indexId;
            case "DATA_SOURCE" -> path + "/index/" + indexId + "/data-source/" + resourceId;
            case "RETRIEVER" -> path + "/retriever/" + resourceId;
            case "WEB_EXPERIENCE" -> path + "/web-experience/" + resourceId;
            default -> path + "/plugin/" + resourceId;
        };
    }
}
