package dev.quire.core.qbusiness.webexperience;

import java.util.List;

/**
 * The settable members of a web experience, for create (absent = not set) and for update
 * (null = unchanged; an empty {@code origins} or {@code browserExtensions} list clears it).
 */
public record WebExperienceSettings(String title, String subtitle, String welcomeMessage,
                                    String samplePromptsControlMode, List<String> origins, String roleArn,
                                    WebIdentityProvider identityProvider, List<String> browserExtensions,
                                    WebCustomization customization) {
}
