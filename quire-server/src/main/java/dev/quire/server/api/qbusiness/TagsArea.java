package dev.quire.server.api.qbusiness;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.core.qbusiness.tags.ResourceTags;
import dev.quire.core.qbusiness.tags.Tag;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.restjson.JsonResponses;
import dev.quire.spi.error.ApiError;
import java.util.List;
import java.util.Map;

/** TagResource / UntagResource / ListTagsForResource on application, index, data source, retriever, web experience and plugin ARNs. */
public final class TagsArea implements QBusinessArea {
    private final ResourceTags tags;

    public TagsArea(ResourceTags tags) {
        this.tags = tags;
    }

    @Override
    public Map<String, QBusinessOperation> operations() {
        return Map.of("TagResource", this::tag, "UntagResource", this::untag,
                "ListTagsForResource", this::list);
    }

    private static String arn(QBusinessCall call) {
        String arn = call.label("resourceARN");
        if (arn == null || arn.isEmpty() || arn.length() > 1284) {
            throw ApiError.invalidField("resourceARN", "resourceARN must have length between 1 and 1284.");
        }
        return arn;
    }

    private WireResponse tag(QBusinessCall call) {
        ControlPlaneInput in = ControlPlaneInput.body(call);
        if (!in.has("tags")) {
            throw in.invalid("tags", "is required.");
        }
        tags.tag(arn(call), in.tags("tags"));
        return ControlPlaneOutput.empty();
    }

    private WireResponse untag(QBusinessCall call) {
        List<String> keys = call.input().query().getOrDefault("tagKeys", List.of());
        if (keys.isEmpty() || keys.size() > 200) {
            throw ApiError.invalidField("tagKeys", "tagKeys must list between 1 and 200 keys.");
        }
        if (keys.stream().anyMatch(k -> k.isEmpty() || k.length() > 128)) {
            throw ApiError.invalidField("tagKeys", "tagKeys must hold keys of 1 to 128 characters.");
        }
        tags.untag(arn(call), keys);
        return ControlPlaneOutput.empty();
    }

    private WireResponse list(QBusinessCall call) {
        List<Tag> list = tags.list(arn(call));
        ObjectNode body = JsonResponses.object();
        ControlPlaneOutput.putTags(body, "tags", list);
        return JsonResponses.ok(body);
    }
}
