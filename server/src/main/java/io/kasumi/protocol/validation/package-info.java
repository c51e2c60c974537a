/**
 * Generic input validation from the service model (ARCHITECTURE.md rule 3): after a codec has
 * parsed an operation's input and before the service runs, {@link
 * io.kasumi.protocol.validation.ModelValidator} checks the value tree against the constraints of
 * the input shape and the {@link io.kasumi.protocol.validation.ValidationErrorStyle} of the
 * service turns what it finds into AWS's error.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * ModelValidator validator = ModelValidator.forService(model).prepare(model); // once per service
 * validator.check(operation.input(), input);                                 // per request; throws AwsException
 * }</pre>
 *
 * <h2>What is checked</h2>
 * <ul>
 *   <li>required members absent from the tree: "Member must not be null". Not checked for
 *       idempotency tokens (the server fills them in), members with a model default (clients may
 *       leave defaults out) and status-code members;</li>
 *   <li>string length, blob length (bytes), list and map size: "Member must have length less than
 *       or equal to N" / "greater than or equal to N". Strings count Unicode code points, as
 *       Smithy's length trait defines it and botocore's client-side check ({@code len()}) counts:
 *       one emoji is one character, not two UTF-16 units;</li>
 *   <li>numeric ranges: "Member must have value less than or equal to N"; the bound prints as its
 *       Java type prints ("1" for integers and longs, "1.0" for doubles);</li>
 *   <li>patterns: "Member must satisfy regular expression pattern: P", P as the model writes it.
 *       Java regex with {@code matches()}: AWS's services are Java and anchor patterns (DynamoDB
 *       rejects {@code x!} for {@code [a-zA-Z0-9_.-]+}). botocore's {@code \u10000-\u10FFFF}
 *       is read as the supplementary range. A pattern Java can't compile is skipped (debug log);</li>
 *   <li>enums: "Member must satisfy enum value set: [A, B]" in model order (AWS's order is its
 *       Java enum's and differs now and then, e.g. DynamoDB lists ScalarAttributeType as [B, N, S]);</li>
 *   <li>uniqueItems on lists (raw {@code "uniqueItems": true}, from Smithy-derived models; botocore's
 *       format has none): "Member must have unique values", Smithy's wording (no AWS service
 *       message for it was found). Equal as Smithy defines it: structures and unions by member
 *       values, blobs by content, timestamps by instant, lists and maps deeply;</li>
 *   <li>recursively: members of nested structures, elements of lists, keys and values of maps.</li>
 * </ul>
 * Document values, event streams and streaming blobs are not looked into. Types are the codecs'
 * business: a value of the wrong type is skipped here.
 *
 * <h2>How violations read (Coral styles)</h2>
 * <ul>
 *   <li>{@code Value 'x' at 'path' failed to satisfy constraint: C}; a null value is written
 *       {@code Value null at}; a sensitive value (or one holding a sensitive shape) is left out:
 *       {@code Value at 'secretString' ...}; other values print as Java prints AWS's objects:
 *       lists {@code [a, b]}, maps {@code {k=v}}, blobs {@code java.nio.HeapByteBuffer[pos=0 lim=N cap=N]},
 *       structures {@code KeySchemaElement(attributeName=pk, keyType=HASH)};</li>
 *   <li>paths are member names with the first letter lower-cased, joined by '.'; a list element
 *       with members of its own is {@code list.N.member} (1-based), a map value {@code map.KEY.member}:
 *       {@code keySchema.1.member.keyType}, {@code requestItems.Music.member.keys};</li>
 *   <li>simple elements are reported once per collection, at the collection, listing all the
 *       element shape's constraints (length at most, at least, value at most, at least, pattern,
 *       enum): {@code Member must satisfy constraint: [...]} for lists, {@code Map keys must satisfy
 *       constraint: [...]} then {@code Map value must satisfy constraint: [...]} for maps;</li>
 *   <li>order: members in model order; for one value, length, then range, then pattern, then enum
 *       (DynamoDB: length before pattern); a collection's own size, then uniqueness, before its
 *       elements;</li>
 *   <li>at most 10 are listed, and the count is of those listed:
 *       "1 validation error detected: ..." or "N validation errors detected: ...; ...".</li>
 * </ul>
 *
 * <h2>Styles ({@link io.kasumi.protocol.validation.ValidationErrorStyle#forModel})</h2>
 * <table>
 *   <caption>Which services answer how</caption>
 *   <tr><th>services</th><th>style</th><th>reports</th><th>error</th></tr>
 *   <tr><td>json, rest-json, rpc-v2-cbor services not below (DynamoDB, Lambda, KMS, Logs, Secrets
 *       Manager, SSM, Kinesis, DynamoDB Streams)</td><td>CORAL_JSON</td><td>all</td>
 *       <td>ValidationException, 400, Coral message</td></tr>
 *   <tr><td>STS, IAM, other query services</td><td>CORAL_QUERY</td><td>all</td>
 *       <td>ValidationError, 400, Coral message</td></tr>
 *   <tr><td>SNS</td><td>SNS</td><td>missing required only</td><td>InvalidParameter:
 *       "Invalid parameter: TopicArn Reason: no value for required parameter"</td></tr>
 *   <tr><td>SQS (json and query)</td><td>SQS</td><td>missing required only</td><td>MissingParameter:
 *       "The request must contain the parameter QueueUrl."</td></tr>
 *   <tr><td>S3, S3 Control, CloudWatch, API Gateway (v1, v2), EC2, other rest-xml and ec2</td>
 *       <td>NONE</td><td>nothing</td><td>their own wording, left to the services</td></tr>
 * </table>
 * Erring toward accepting: a false rejection of valid input costs more than a missed one.
 */
package io.kasumi.protocol.validation;
