package dev.quire.core.qbusiness.index;

import dev.quire.core.qbusiness.tags.Tag;
import java.util.List;

/** A CreateIndex request; {@code type} null means ENTERPRISE and {@code units} null means 1, as in AWS. */
public record NewIndex(String displayName, String description, String type, Integer units, List<Tag> tags) {
    public NewIndex {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
