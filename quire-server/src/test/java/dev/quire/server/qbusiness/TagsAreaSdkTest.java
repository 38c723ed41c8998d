package dev.quire.server.qbusiness;

import static dev.quire.server.qbusiness.ControlPlane.assertFails;
import static dev.quire.server.qbusiness.ControlPlane.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quire.core.qbusiness.tags.ResourceTags;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.qbusiness.model.IdentityType;
import software.amazon.awssdk.services.qbusiness.model.ResourceNotFoundException;
import software.amazon.awssdk.services.qbusiness.model.RetrieverType;
import software.amazon.awssdk.services.qbusiness.model.Tag;

/** TagResource / UntagResource / ListTagsForResource through the AWS SDK (ARNs travel URL-encoded in the path). */
class TagsAreaSdkTest {
    @TempDir
    static Path dataDir;
    static ControlPlane cp;

    @BeforeAll
    static void start() {
        cp = ControlPlane.h2(dataDir);
    }

    @AfterAll
    static void stop() {
        cp.close();
    }

    private static List<String> tags(String arn) {
        return cp.qb.listTagsForResource(r -> r.resourceARN(arn)).tags().stream()
                .map(t -> t.key() + "=" + t.value()).toList();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Test
    void tagsGivenAtCreateAreListedForEveryResourceType() {
        var app = cp.qb.createApplication(r -> r.displayName("tagged").identityType(IdentityType.ANONYMOUS)
                .tags(tag("team", "hr")));
        String appId = app.applicationId();
        var index = cp.qb.createIndex(r -> r.applicationId(appId).displayName("i").tags(tag("tier", "gold")));
        var retriever = cp.qb.createRetriever(r -> r.applicationId(appId).type(RetrieverType.NATIVE_INDEX)
                .displayName("r").configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index.indexId())))
                .tags(tag("kind", "native")));
        var web = cp.qb.createWebExperience(r -> r.applicationId(appId).tags(tag("site", "intranet")));

        assertThat(tags(app.applicationArn())).containsExactly("team=hr");
        assertThat(tags(index.indexArn())).containsExactly("tier=gold");
        assertThat(tags(retriever.retrieverArn())).containsExactly("kind=native");
        assertThat(tags(web.webExperienceArn())).containsExactly("site=intranet");
    }

    @Test
    void tagReplacesValuesAndUntagRemovesKeys() {
        var app = cp.qb.createApplication(r -> r.displayName("retag").identityType(IdentityType.ANONYMOUS));
        String arn = app.applicationArn();
        assertThat(tags(arn)).isEmpty();
        cp.qb.tagResource(r -> r.resourceARN(arn).tags(tag("a", "1"), tag("b", "2")));
        cp.qb.tagResource(r -> r.resourceARN(arn).tags(tag("a", "one"), tag("c", "")));
        assertThat(tags(arn)).containsExactly("a=one", "b=2", "c=");
        cp.qb.untagResource(r -> r.resourceARN(arn).tagKeys("b", "not-there"));
        assertThat(tags(arn)).containsExactly("a=one", "c=");
    }

    @Test
    void unknownOrForeignResourcesAreNotFoundAndMalformedArnsInvalid() {
        var app = cp.qb.createApplication(r -> r.displayName("arns").identityType(IdentityType.ANONYMOUS));
        String arn = app.applicationArn();
        String missing = UUID.randomUUID().toString();
        ResourceNotFoundException e = assertFails(ResourceNotFoundException.class, 404,
                () -> tags(arn.replace(app.applicationId(), missing)));
        assertThat(e.resourceType()).isEqualTo("APPLICATION");
        assertThat(assertFails(ResourceNotFoundException.class, 404, () -> tags(arn + "/index/" + missing))
                .resourceType()).isEqualTo("INDEX");
        assertThat(assertFails(ResourceNotFoundException.class, 404, () -> tags(arn + "/retriever/" + missing))
                .resourceType()).isEqualTo("RETRIEVER");
        assertThat(assertFails(ResourceNotFoundException.class, 404, () -> tags(arn + "/plugin/" + missing))
                .resourceType()).isEqualTo("PLUGIN");
        String index = cp.index(app.applicationId());
        assertThat(assertFails(ResourceNotFoundException.class, 404,
                () -> tags(arn + "/index/" + index + "/data-source/" + missing)).resourceType()).isEqualTo("DATA_SOURCE");
        assertFails(ResourceNotFoundException.class, 404, () -> tags(arn.replace("us-east-1", "eu-west-1")));
        assertFails(ResourceNotFoundException.class, 404, () -> tags(arn.replace("123456789012", "210987654321")));
        assertFails(ResourceNotFoundException.class, 404, () -> cp.qb.tagResource(r -> r
                .resourceARN(arn + "/web-experience/" + missing).tags(tag("k", "v"))));

        assertInvalid("resourceARN", () -> tags("arn:aws:s3:::bucket"));
        assertInvalid("tags[0].key", () -> cp.qb.tagResource(r -> r.resourceARN(arn).tags(tag("", "v"))));
        assertInvalid("tags", () -> cp.qb.tagResource(r -> r.resourceARN(arn).tags(tag("aws:owner", "v"))));
    }

    @Test
    void aResourceHoldsAtMostFiftyTags() {
        var app = cp.qb.createApplication(r -> r.displayName("many").identityType(IdentityType.ANONYMOUS));
        for (int i = 0; i < 50; i++) {
            int n = i;
            cp.qb.tagResource(r -> r.resourceARN(app.applicationArn()).tags(tag("k" + n, "v")));
        }
        assertInvalid("tags", () -> cp.qb.tagResource(r -> r.resourceARN(app.applicationArn())
                .tags(tag("k50", "v"))));
        assertThat(tags(app.applicationArn())).hasSize(50);
    }

    @Test
    void deletingARetrieverOrWebExperienceDeletesItsTags() {
        String appId = cp.anonymousApp("untidy");
        String index = cp.index(appId);
        var retriever = cp.qb.createRetriever(r -> r.applicationId(appId).type(RetrieverType.NATIVE_INDEX)
                .displayName("r").configuration(c -> c.nativeIndexConfiguration(n -> n.indexId(index)))
                .tags(tag("k", "v")));
        var web = cp.qb.createWebExperience(r -> r.applicationId(appId).tags(tag("k", "v")));
        cp.qb.deleteRetriever(r -> r.applicationId(appId).retrieverId(retriever.retrieverId()));
        cp.qb.deleteWebExperience(r -> r.applicationId(appId).webExperienceId(web.webExperienceId()));
        assertThat(cp.store.get(ResourceTags.KIND, "application/" + appId + "/retriever/" + retriever.retrieverId()))
                .isEmpty();
        assertThat(cp.store.get(ResourceTags.KIND, "application/" + appId + "/web-experience/"
                + web.webExperienceId())).isEmpty();
    }
}
