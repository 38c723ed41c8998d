package dev.quire.server.api.iam;

import dev.quire.protocol.awsquery.QueryRequest;
import dev.quire.protocol.awsquery.XmlWriter;
import java.util.function.Consumer;

/** One IAM action: runs it and returns the writer of its {@code <XResult>} members, or null when it has no output. */
@FunctionalInterface
public interface IamOperation {
    Consumer<XmlWriter> run(QueryRequest request);
}
