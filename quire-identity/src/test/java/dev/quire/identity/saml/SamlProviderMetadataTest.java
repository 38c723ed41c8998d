package dev.quire.identity.saml;

import static dev.quire.identity.saml.KeycloakShapedResponse.ENTITY_ID;
import static dev.quire.identity.saml.KeycloakShapedResponse.metadataXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamlProviderMetadataTest {

    @Test
    void readsEntityIdAndSigningCertificateFromKeycloakShapedMetadata() throws Exception {
        SamlProviderMetadata metadata = SamlProviderMetadata.parse(metadataXml(ENTITY_ID, "signing", TestSigner.IDP));
        assertThat(metadata.entityId()).isEqualTo(ENTITY_ID);
        assertThat(metadata.signingCertificates()).containsExactly(TestSigner.IDP.certificate);
    }

    @Test
    void keyDescriptorWithoutUseCountsAsSigning() throws Exception {
        String xml = metadataXml(ENTITY_ID, "signing", TestSigner.IDP).replace(" use=\"signing\"", "");
        assertThat(SamlProviderMetadata.parse(xml).signingCertificates()).containsExactly(TestSigner.IDP.certificate);
    }

    @Test
    void rejectsMetadataWhoseOnlyKeyIsForEncryption() {
        assertThatThrownBy(() -> SamlProviderMetadata.parse(metadataXml(ENTITY_ID, "encryption", TestSigner.IDP)))
                .isInstanceOf(SamlException.class).hasMessageContaining("no signing certificate");
    }

    @Test
    void rejectsMetadataWithoutEntityId() {
        String xml = metadataXml(ENTITY_ID, "signing", TestSigner.IDP).replace("entityID=\"" + ENTITY_ID + "\"", "");
        assertThatThrownBy(() -> SamlProviderMetadata.parse(xml))
                .isInstanceOf(SamlException.class).hasMessageContaining("missing entityID");
    }

    @Test
    void rejectsCorruptCertificate() {
        String xml = metadataXml(ENTITY_ID, "signing", TestSigner.IDP).replace(TestSigner.IDP.certificateBase64(), "AAAA");
        assertThatThrownBy(() -> SamlProviderMetadata.parse(xml))
                .isInstanceOf(SamlException.class).hasMessageContaining("not a valid X.509 certificate");
    }

    @Test
    void rejectsOtherRootElements() {
        assertThatThrownBy(() -> SamlProviderMetadata.parse("<html/>"))
                .isInstanceOf(SamlException.class).hasMessageContaining("md:EntityDescriptor");
    }
}
