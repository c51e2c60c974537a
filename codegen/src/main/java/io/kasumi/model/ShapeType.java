package io.kasumi.model;

/** The kinds of shape an AWS model declares. */
public enum ShapeType {
    STRUCTURE, UNION, LIST, MAP,
    STRING, BLOB, BOOLEAN, BYTE, SHORT, INTEGER, LONG, FLOAT, DOUBLE, BIG_INTEGER, BIG_DECIMAL,
    TIMESTAMP, DOCUMENT;

    public boolean isAggregate() {
        return this == STRUCTURE || this == UNION || this == LIST || this == MAP;
    }

    public boolean isNumber() {
        return switch (this) {
            case BYTE, SHORT, INTEGER, LONG, FLOAT, DOUBLE, BIG_INTEGER, BIG_DECIMAL -> true;
            default -> false;
        };
    }

    static ShapeType fromModel(String type, boolean union, boolean document) {
        if (document) {
            return DOCUMENT;
        }
        return switch (type) {
            case "structure" -> union ? UNION : STRUCTURE;
            case "list" -> LIST;
            case "map" -> MAP;
            case "string" -> STRING;
            case "blob" -> BLOB;
            case "boolean" -> BOOLEAN;
            case "byte" -> BYTE;
            case "short" -> SHORT;
            case "integer" -> INTEGER;
            case "long" -> LONG;
            case "float" -> FLOAT;
            case "double" -> DOUBLE;
            case "bigInteger", "biginteger" -> BIG_INTEGER;
            case "bigDecimal", "bigdecimal" -> BIG_DECIMAL;
            case "timestamp" -> TIMESTAMP;
            case "document" -> DOCUMENT;
            default -> throw new IllegalArgumentException("unknown shape type " + type);
        };
    }
}
