package dev.quire.core.qbusiness.index;

import java.util.List;

/** An UpdateIndex request; null members stay as they are. */
public record IndexChanges(String displayName, String description, Integer units,
                           List<DocumentAttributeConfiguration> documentAttributeConfigurations) {
}
