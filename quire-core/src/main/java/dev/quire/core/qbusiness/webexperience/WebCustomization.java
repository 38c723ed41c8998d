package dev.quire.core.qbusiness.webexperience;

/** CustomizationConfiguration: URLs of a custom stylesheet, logo, font and favicon (each optional). */
public record WebCustomization(String customCSSUrl, String logoUrl, String fontUrl, String faviconUrl) {
}
