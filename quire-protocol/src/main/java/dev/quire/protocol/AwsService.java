package dev.quire.protocol;

import java.util.Optional;

/** The four AWS services Quire serves on one listener, keyed by their SigV4 signing name. */
public enum AwsService {
    QBUSINESS("qbusiness", WireProtocol.REST_JSON, null),
    STS("sts", WireProtocol.AWS_QUERY, "https://sts.amazonaws.com/doc/2011-06-15/"),
    IAM("iam", WireProtocol.AWS_QUERY, "https://iam.amazonaws.com/doc/2010-05-08/"),
    SECRETS_MANAGER("secretsmanager", WireProtocol.AWS_JSON_1_1, null);

    private final String signingName;
    private final WireProtocol protocol;
    private final String xmlNamespace;

    AwsService(String signingName, WireProtocol protocol, String xmlNamespace) {
        this.signingName = signingName;
        this.protocol = protocol;
        this.xmlNamespace = xmlNamespace;
    }

    public String signingName() { return signingName; }
    public WireProtocol protocol() { return protocol; }
    /** The awsQuery response namespace; null for JSON protocols. */
    public String xmlNamespace() { return xmlNamespace; }

    public static Optional<AwsService> bySigningName(String name) {
        for (AwsService s : values()) {
            if (s.signingName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
