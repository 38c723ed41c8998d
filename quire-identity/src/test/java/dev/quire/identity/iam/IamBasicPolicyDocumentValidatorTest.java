package dev.quire.identity.iam;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import org.junit.jupiter.api.Test;

class IamBasicPolicyDocumentValidatorTest {
    private final BasicPolicyDocumentValidator validator = new BasicPolicyDocumentValidator();
    private static final String PERMISSION = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}}";

    private void rejects(String json, boolean trust, ErrorCode code, String reason) {
        assertThatThrownBy(() -> validator.validate(json, trust)).isInstanceOf(ApiError.class)
                .hasMessageContaining(reason).satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ApiError) e).code()).isEqualTo(code));
    }

    @Test
    void wellFormedDocumentsPass() {
        assertThatCode(() -> validator.validate(PERMISSION, false)).doesNotThrowAnyException();
        assertThatCode(() -> validator.validate(TRUST, true)).doesNotThrowAnyException();
    }

    @Test
    void structureIsChecked() {
        rejects("{\"Version\":\"2012-10-17\"}", false, ErrorCode.MALFORMED_POLICY_DOCUMENT, "Statement");
        rejects(PERMISSION.replace("2012-10-17", "2020-01-01"), false, ErrorCode.MALFORMED_POLICY_DOCUMENT, "version");
        rejects(PERMISSION.replace("Deny", "allow"), false, ErrorCode.MALFORMED_POLICY_DOCUMENT, "Invalid effect");
        rejects(PERMISSION.replace("\"Action\"", "\"Actions\""), false, ErrorCode.MALFORMED_POLICY_DOCUMENT, "Action");
        rejects(PERMISSION.replace(",\"Resource\":\"*\"", ""), false, ErrorCode.MALFORMED_POLICY_DOCUMENT, "resources");
        rejects(TRUST, false, ErrorCode.MALFORMED_POLICY_DOCUMENT, "principal");
        rejects(PERMISSION, true, ErrorCode.MALFORMED_POLICY_DOCUMENT, "Principal");
        rejects(PERMISSION + "{}", false, ErrorCode.MALFORMED_POLICY_DOCUMENT, "Syntax");
        rejects(PERMISSION.replace("\"Effect\":\"Deny\"", "\"Effect\":\"Deny\",\"Effect\":\"Allow\""), false,
                ErrorCode.MALFORMED_POLICY_DOCUMENT, "Syntax");
    }

    @Test
    void sizeLimitsIgnoreWhitespace() {
        String padded = PERMISSION.replace(",", ",\n" + " ".repeat(7000));
        assertThatCode(() -> validator.validate(padded, false)).doesNotThrowAnyException();
        String big = PERMISSION.replace("\"*\"}", "\"" + "a".repeat(6100) + "\"}");
        rejects(big, false, ErrorCode.LIMIT_EXCEEDED, "PolicySize");
        String bigTrust = TRUST.replace("sts:AssumeRole", "sts:" + "a".repeat(2000));
        rejects(bigTrust, true, ErrorCode.LIMIT_EXCEEDED, "ACLSizePerRole");
    }
}
