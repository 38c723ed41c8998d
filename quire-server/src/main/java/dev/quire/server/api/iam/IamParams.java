package dev.quire.server.api.iam;

import dev.quire.identity.iam.IamInput;
import dev.quire.identity.iam.IamTag;
import dev.quire.protocol.awsquery.QueryRequest;
import dev.quire.server.api.QueryParams;
import dev.quire.spi.error.ApiError;
import dev.quire.spi.error.ErrorCode;
import java.util.List;
import java.util.Map;

/** Typed reads of IAM awsQuery parameters, failing as InvalidInput. */
final class IamParams {
    private IamParams() {
    }

    static String required(QueryRequest q, String name) {
        return IamInput.required(q.get(name), lowerFirst(name));
    }

    static Integer integer(QueryRequest q, String name) {
        return QueryParams.integer(q, name);
    }

    static boolean bool(QueryRequest q, String name) {
        String v = q.get(name);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw new ApiError(ErrorCode.INVALID_INPUT, name + " must be true or false.");
    }

    static List<IamTag> tags(QueryRequest q) {
        return q.structList("Tags").stream().map(IamParams::tag).toList();
    }

    private static IamTag tag(Map<String, String> member) {
        return new IamTag(member.get("Key"), member.get("Value"));
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
