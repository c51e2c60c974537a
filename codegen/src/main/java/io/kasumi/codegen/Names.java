package io.kasumi.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The rules that turn model names into Java identifiers. Pure functions; see codegen/README.md. */
public final class Names {

    /** Words Java reserves: keywords, literals and the restricted identifiers. */
    private static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "_",
            "var", "yield", "record", "sealed", "permits");

    /**
     * Names a member may not take in a generated record: methods of Object, the record's own tree
     * methods, and the first segment of the qualified names generated code uses ({@code java.util},
     * {@code io.kasumi}), which a field of that name would obscure.
     */
    private static final Set<String> MEMBER_CLASHES = Set.of(
            "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize",
            "fromTree", "toTree", "java", "io");

    /** Public top-level types of java.lang (JDK 25): a same-named type would shadow them package-wide. */
    static final Set<String> JAVA_LANG = Set.of(
            "AbstractMethodError", "Appendable", "ArithmeticException", "ArrayIndexOutOfBoundsException",
            "ArrayStoreException", "AssertionError", "AutoCloseable", "Boolean", "BootstrapMethodError", "Byte",
            "CharSequence", "Character", "Class", "ClassCastException", "ClassCircularityError",
            "ClassFormatError", "ClassLoader", "ClassNotFoundException", "ClassValue",
            "CloneNotSupportedException", "Cloneable", "Comparable", "Deprecated", "Double", "Enum",
            "EnumConstantNotPresentException", "Error", "Exception", "ExceptionInInitializerError", "Float",
            "FunctionalInterface", "IO", "IllegalAccessError", "IllegalAccessException",
            "IllegalArgumentException", "IllegalCallerException", "IllegalMonitorStateException",
            "IllegalStateException", "IllegalThreadStateException", "IncompatibleClassChangeError",
            "IndexOutOfBoundsException", "InheritableThreadLocal", "InstantiationError",
            "InstantiationException", "Integer", "InternalError", "InterruptedException", "Iterable",
            "LayerInstantiationException", "LinkageError", "Long", "MatchException", "Math", "Module",
            "ModuleLayer", "NegativeArraySizeException", "NoClassDefFoundError", "NoSuchFieldError",
            "NoSuchFieldException", "NoSuchMethodError", "NoSuchMethodException", "NullPointerException",
            "Number", "NumberFormatException", "Object", "OutOfMemoryError", "Override", "Package", "Process",
            "ProcessBuilder", "ProcessHandle", "Readable", "Record", "ReflectiveOperationException", "Runnable",
            "Runtime", "RuntimeException", "RuntimePermission", "SafeVarargs", "ScopedValue",
            "SecurityException", "SecurityManager", "Short", "StableValue", "StackOverflowError",
            "StackTraceElement", "StackWalker", "StrictMath", "String", "StringBuffer", "StringBuilder",
            "StringIndexOutOfBoundsException", "SuppressWarnings", "System", "Thread", "ThreadDeath",
            "ThreadGroup", "ThreadLocal", "Throwable", "TypeNotPresentException", "UnknownError",
            "UnsatisfiedLinkError", "UnsupportedClassVersionError", "UnsupportedOperationException",
            "VerifyError", "VirtualMachineError", "Void", "WrongThreadException");

    /** Hand-picked class prefixes where PascalCase of the serviceId would read badly. */
    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("sts", "Sts"), Map.entry("s3", "S3"), Map.entry("dynamodb", "DynamoDb"),
            Map.entry("dynamodbstreams", "DynamoDbStreams"), Map.entry("sqs", "Sqs"), Map.entry("sns", "Sns"),
            Map.entry("lambda", "Lambda"), Map.entry("apigateway", "ApiGateway"),
            Map.entry("apigatewayv2", "ApiGatewayV2"), Map.entry("logs", "CloudWatchLogs"),
            Map.entry("iam", "Iam"), Map.entry("kms", "Kms"), Map.entry("secretsmanager", "SecretsManager"),
            Map.entry("ssm", "Ssm"), Map.entry("cloudwatch", "CloudWatch"), Map.entry("kinesis", "Kinesis"));

    private Names() {
    }

    /** The Java package of a service: {@code io.kasumi.api.} + the lower-cased alphanumerics of its name. */
    public static String packageName(String serviceName) {
        StringBuilder alphanumerics = new StringBuilder();
        serviceName.toLowerCase(Locale.ROOT).chars().filter(c -> isAsciiAlphanumeric((char) c))
                .forEach(c -> alphanumerics.append((char) c));
        String segment = alphanumerics.toString();
        if (segment.isEmpty() || !Character.isLetter(segment.charAt(0)) || KEYWORDS.contains(segment)) {
            segment = "s" + segment;
        }
        return "io.kasumi.api." + segment;
    }

    /** The class-name prefix of a service, e.g. "DynamoDb" (the interface is prefix + "Api"). */
    public static String servicePrefix(String serviceName, String serviceId) {
        String fixed = PREFIXES.get(serviceName);
        if (fixed != null) {
            return fixed;
        }
        return typeName(serviceId != null ? serviceId : serviceName);
    }

    /** PascalCase from any model name: words split at non-alphanumerics, each capitalized. */
    public static String typeName(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : words(name)) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        if (out.isEmpty() || !Character.isJavaIdentifierStart(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString();
    }

    /** True when a type of this simple name would shadow a java.lang type in its package. */
    public static boolean clashesWithJavaLang(String simpleName) {
        return JAVA_LANG.contains(simpleName);
    }

    /**
     * The error class of an exception shape: the shape name, with "Exception" appended unless it
     * already ends so (S3 {@code NoSuchBucket} -> {@code NoSuchBucketException}). One suffix for all
     * keeps every error class recognisable, including "…Fault" and "…Error" shapes.
     */
    public static String exceptionName(String shapeName) {
        String base = typeName(shapeName);
        return base.endsWith("Exception") ? base : base + "Exception";
    }

    /**
     * lowerCamel from a member or operation name: a leading acronym is lower-cased as a word
     * ("SSEKMSKeyId" -> "ssekmsKeyId", "ARN" -> "arn", "VPCConfig" -> "vpcConfig"); Java keywords
     * and names that clash with Object or record methods get a trailing underscore.
     */
    public static String memberName(String name) {
        List<String> words = words(name);
        StringBuilder out = new StringBuilder(lowerLeading(words.isEmpty() ? "" : words.getFirst()));
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        }
        if (out.isEmpty() || !Character.isJavaIdentifierStart(out.charAt(0))) {
            out.insert(0, '_');
        }
        String result = out.toString();
        return KEYWORDS.contains(result) || MEMBER_CLASHES.contains(result) ? result + "_" : result;
    }

    private static String lowerLeading(String word) {
        int upper = 0;
        while (upper < word.length() && Character.isUpperCase(word.charAt(upper))) {
            upper++;
        }
        if (upper <= 1 || upper == word.length() || !Character.isLowerCase(word.charAt(upper))) {
            // "Role" -> "role", "ARN" -> "arn", "S3Key" -> "s3Key", "KMS2" -> "kms2"
            int cut = upper <= 1 ? Math.min(1, word.length()) : upper;
            return word.substring(0, cut).toLowerCase(Locale.ROOT) + word.substring(cut);
        }
        // an acronym followed by a word: keep the word's capital ("VPCConfig" -> "vpc" + "Config")
        return word.substring(0, upper - 1).toLowerCase(Locale.ROOT) + word.substring(upper - 1);
    }

    /**
     * An UPPER_SNAKE enum constant from a wire value: words split at camel-case humps and
     * non-alphanumerics ("ObjectCreated:*" -> OBJECT_CREATED, "aws:kms" -> AWS_KMS,
     * "nodejs20.x" -> NODEJS20_X); a leading digit gets an underscore ("1.0" -> _1_0).
     */
    public static String enumConstant(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isAsciiAlphanumeric(c)) {
                separate(out);
                continue;
            }
            if (i > 0 && isAsciiUpper(c)) {
                char prev = value.charAt(i - 1);
                boolean nextLower = i + 1 < value.length() && isAsciiLower(value.charAt(i + 1));
                if (isAsciiLower(prev) || isAsciiDigit(prev) || (isAsciiUpper(prev) && nextLower)) {
                    separate(out);
                }
            }
            out.append(Character.toUpperCase(c));
        }
        if (!out.isEmpty() && out.charAt(out.length() - 1) == '_') {
            out.setLength(out.length() - 1);
        }
        if (out.isEmpty()) {
            return "EMPTY";
        }
        return isAsciiDigit(out.charAt(0)) ? "_" + out : out.toString();
    }

    /** A Java string literal of the value, quotes included. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (isAsciiAlphanumeric(c)) {
                word.append(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** One underscore between words: none leading, none doubled. */
    private static void separate(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '_') {
            out.append('_');
        }
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return isAsciiLower(c) || isAsciiUpper(c) || isAsciiDigit(c);
    }

    private static boolean isAsciiLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * lowerCamel Java names for model names, in order, made unique by a numeric suffix where two
     * camel-case alike or one is reserved.
     */
    static List<String> uniqueMemberNames(List<String> modelNames, Set<String> reserved) {
        Set<String> used = new HashSet<>(reserved);
        List<String> names = new ArrayList<>(modelNames.size());
        for (String modelName : modelNames) {
            String base = memberName(modelName);
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + n;
            }
            names.add(name);
        }
        return names;
    }
}
