package io.kasumi.codegen;

import io.kasumi.api.AwsException;
import io.kasumi.api.OperationHandler;
import io.kasumi.api.RequestContext;
import io.kasumi.model.ServiceModel;
import io.kasumi.model.ServiceModelLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Generates a small model covering the naming and typing rules, compiles it warning-free and runs it. */
class ServiceGeneratorTest {
    private static final String MODEL = """
            {
              "metadata": {"protocol": "json", "serviceId": "Demo Service", "apiVersion": "2024-01-01",
                           "endpointPrefix": "demo", "targetPrefix": "Demo"},
              "operations": {
                "PutThing": {"name": "PutThing", "http": {"method": "POST", "requestUri": "/"},
                             "input": {"shape": "PutThingRequest"}, "output": {"shape": "PutThingResult"},
                             "errors": [{"shape": "NoSuchThing"}]},
                "Ping": {"name": "Ping", "http": {"method": "POST", "requestUri": "/"}},
                "Watch": {"name": "Watch", "http": {"method": "POST", "requestUri": "/"},
                          "output": {"shape": "WatchOutput"}}
              },
              "shapes": {
                "PutThingRequest": {"type": "structure", "required": ["ARN"], "members": {
                  "ARN": {"shape": "String"},
                  "Arn": {"shape": "String"},
                  "Default": {"shape": "Boolean"},
                  "Count": {"shape": "Integer"},
                  "Size": {"shape": "Long"},
                  "Ratio": {"shape": "Double"},
                  "When": {"shape": "Instant"},
                  "Data": {"shape": "Blob"},
                  "Body": {"shape": "Stream"},
                  "Mode": {"shape": "Mode"},
                  "Doc": {"shape": "Document"},
                  "Item": {"shape": "Object"},
                  "Grid": {"shape": "Grid"},
                  "ByName": {"shape": "ObjectMap"},
                  "Choice": {"shape": "Choice"},
                  "Big": {"shape": "BigNumber"},
                  "Upload": {"shape": "Blob", "streaming": true}
                }},
                "PutThingResult": {"type": "structure", "members": {
                  "Item": {"shape": "Object"},
                  "Modes": {"shape": "ModeList"},
                  "Things": {"shape": "List"}
                }},
                "WatchOutput": {"type": "structure", "members": {"Events": {"shape": "Events"}}},
                "Events": {"type": "structure", "eventstream": true, "members": {
                  "Tick": {"shape": "Tick"},
                  "Broken": {"shape": "BrokenException"}
                }},
                "Tick": {"type": "structure", "event": true, "members": {"At": {"shape": "Instant"}}},
                "Object": {"type": "structure", "members": {
                  "Key": {"shape": "String"},
                  "Child": {"shape": "Object"}
                }},
                "Instant": {"type": "timestamp"},
                "Grid": {"type": "list", "member": {"shape": "Row"}},
                "Row": {"type": "list", "member": {"shape": "Object"}},
                "ObjectMap": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "Object"}},
                "ModeList": {"type": "list", "member": {"shape": "Mode"}},
                "Choice": {"type": "structure", "union": true, "members": {
                  "Text": {"shape": "String"},
                  "Number": {"shape": "Integer"}
                }},
                "List": {"type": "structure", "members": {"Unused": {"shape": "String"}}},
                "Mode": {"type": "string", "enum": ["fast", "slow-ish", "aws:kms"]},
                "String": {"type": "string"},
                "Boolean": {"type": "boolean"},
                "Integer": {"type": "integer"},
                "Long": {"type": "long"},
                "Double": {"type": "double"},
                "BigNumber": {"type": "bigDecimal"},
                "Blob": {"type": "blob"},
                "Stream": {"type": "blob", "streaming": true},
                "Document": {"type": "structure", "document": true, "members": {}},
                "NoSuchThing": {"type": "structure", "exception": true,
                                "error": {"code": "NoSuchThing", "httpStatusCode": 404, "senderFault": true},
                                "members": {"Message": {"shape": "String"}, "Thing": {"shape": "String"}}},
                "Gone": {"type": "structure", "exception": true, "members": {}},
                "GoneException": {"type": "structure", "exception": true, "members": {}},
                "BrokenException": {"type": "structure", "exception": true, "fault": true,
                                    "members": {"message": {"shape": "String"}}}
              }
            }
            """;

    /** A service written against the generated interface, as a real one would be. */
    private static final String SERVICE = """
            package io.kasumi.api.demo;

            public final class EchoService implements DemoServiceApi {
                @Override
                public PutThingResult putThing(io.kasumi.api.RequestContext context, PutThingRequest input) {
                    if (input.arn() == null) {
                        throw new NoSuchThingException("no ARN", java.util.Map.of("Thing", "none"));
                    }
                    Mode mode = Mode.fromValue(input.mode());
                    return new PutThingResult(input.item(), mode == null ? null : java.util.List.of(mode.value()), null);
                }
            }
            """;

    private static List<JavaFile> files;
    private static ClassLoader loader;

    @BeforeAll
    static void generateAndCompile(@TempDir Path dir) throws Exception {
        ServiceModel model = ServiceModelLoader.load("demo", new ByteArrayInputStream(MODEL.getBytes(StandardCharsets.UTF_8)), null);
        files = ServiceGenerator.generate("demo", model);
        List<Path> sources = new ArrayList<>();
        for (JavaFile file : files) {
            sources.add(write(dir.resolve("src").resolve(file.relativePath()), file.source()));
        }
        sources.add(write(dir.resolve("src/io/kasumi/api/demo/EchoService.java"), SERVICE));
        Path classes = Files.createDirectories(dir.resolve("classes"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, fileManager, diagnostics,
                    List.of("-Xlint:all,-serial", "-Werror", "--release", "25",
                            "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()),
                    null, fileManager.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(diagnostics.getDiagnostics()).as("javac diagnostics").isEmpty();
            assertThat(ok).isTrue();
        }
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ServiceGeneratorTest.class.getClassLoader());
    }

    private static Path write(Path path, String text) throws Exception {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    private static String source(String simpleName) {
        return files.stream().filter(f -> f.simpleName().equals(simpleName)).findFirst().orElseThrow().source();
    }

    @Test
    void generatesOneFilePerTypeInTheServicePackageDeterministically() {
        assertThat(files).extracting(JavaFile::simpleName).containsExactly(
                "DemoServiceApi",
                "Choice", "Events", "List", "DemoServiceObject", "PutThingRequest", "PutThingResult",
                "Tick", "WatchOutput",
                "Mode",
                "BrokenException", "DemoServiceGoneException", "GoneException", "NoSuchThingException");
        assertThat(files).allMatch(f -> f.packageName().equals("io.kasumi.api.demo"));
        ServiceModel again = ServiceModelLoader.load("demo", new ByteArrayInputStream(MODEL.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(ServiceGenerator.generate("demo", again)).isEqualTo(files);
    }

    @Test
    void typesComponentsFromTheirTargetShapes() {
        assertThat(source("PutThingRequest")).contains(
                "String arn,", "String arn2,", "Boolean default_,", "Integer count,", "Long size,", "Double ratio,",
                "java.time.Instant when,", "byte[] data,", "io.kasumi.api.StreamingBody body,", "String mode,",
                "Object doc,", "DemoServiceObject item,",
                "java.util.List<java.util.List<DemoServiceObject>> grid,",
                "java.util.Map<String, DemoServiceObject> byName,", "Choice choice,", "java.math.BigDecimal big,",
                "io.kasumi.api.StreamingBody upload)");
        assertThat(source("PutThingResult")).contains("List things)", "java.util.List<String> modes,");
        assertThat(source("WatchOutput")).contains("java.util.stream.Stream<Events> events)");
        assertThat(source("Events")).contains("BrokenException broken)");
    }

    @Test
    void convertsRecordsToAndFromValueTrees() throws Exception {
        Map<String, Object> tree = Map.of(
                "ARN", "arn:aws:demo::1:thing/a",
                "Count", 3L,
                "When", Instant.parse("2024-05-01T00:00:00Z"),
                "Item", Map.of("Key", "k", "Child", Map.of("Key", "c")),
                "Grid", List.of(List.of(Map.of("Key", "g"))),
                "ByName", Map.of("x", Map.of("Key", "m")),
                "Choice", Map.of("Text", "t"),
                "Big", 1.5);
        Object request = invokeStatic("PutThingRequest", "fromTree", tree);

        assertThat(call(request, "arn")).isEqualTo("arn:aws:demo::1:thing/a");
        assertThat(call(request, "arn2")).isNull();
        assertThat(call(request, "count")).isEqualTo(3);
        assertThat(call(request, "big")).isEqualTo(new java.math.BigDecimal("1.5"));
        assertThat(call(call(call(request, "item"), "child"), "key")).isEqualTo("c");
        assertThat(call(request, "toTree")).isEqualTo(Map.of(
                "ARN", "arn:aws:demo::1:thing/a",
                "Count", 3,
                "When", Instant.parse("2024-05-01T00:00:00Z"),
                "Item", Map.of("Key", "k", "Child", Map.of("Key", "c")),
                "Grid", List.of(List.of(Map.of("Key", "g"))),
                "ByName", Map.of("x", Map.of("Key", "m")),
                "Choice", Map.of("Text", "t"),
                "Big", new java.math.BigDecimal("1.5")));
    }

    @Test
    void enumsMapWireValuesAndReturnNullForUnknownOnes() throws Exception {
        Object slow = invokeStatic("Mode", "fromValue", "slow-ish");
        assertThat(slow).hasToString("slow-ish");
        assertThat(((Enum<?>) slow).name()).isEqualTo("SLOW_ISH");
        assertThat(((Enum<?>) invokeStatic("Mode", "fromValue", "aws:kms")).name()).isEqualTo("AWS_KMS");
        assertThat(invokeStatic("Mode", "fromValue", "medium")).isNull();
        assertThat(invokeStatic("Mode", "fromValue", (Object) null)).isNull();
    }

    @Test
    void errorClassesCarryCodeStatusAndFault() throws Exception {
        Class<?> noSuchThing = loader.loadClass("io.kasumi.api.demo.NoSuchThingException");
        AwsException error = (AwsException) noSuchThing.getConstructor(String.class).newInstance("gone");
        assertThat(error.code()).isEqualTo("NoSuchThing");
        assertThat(error.httpStatus()).isEqualTo(404);
        assertThat(error.senderFault()).isTrue();
        assertThat(error).hasMessage("gone");

        AwsException broken = (AwsException) invokeStatic("BrokenException", "fromTree", Map.of("message", "boom", "Extra", 1));
        assertThat(broken.code()).isEqualTo("BrokenException");
        assertThat(broken.httpStatus()).isEqualTo(500);
        assertThat(broken.senderFault()).isFalse();
        assertThat(broken).hasMessage("boom");
        assertThat(broken.fields()).isEqualTo(Map.of("Extra", 1));
        assertThat(call(broken, "toTree")).isEqualTo(Map.of("message", "boom", "Extra", 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void handlersAdaptAServiceToValueTrees() throws Exception {
        Class<?> api = loader.loadClass("io.kasumi.api.demo.DemoServiceApi");
        Object service = loader.loadClass("io.kasumi.api.demo.EchoService").getConstructor().newInstance();
        Map<String, OperationHandler> handlers =
                (Map<String, OperationHandler>) api.getMethod("handlers", api).invoke(null, service);
        RequestContext context = new RequestContext("req-1", "000000000000", "us-east-1", null, null, null, Instant.EPOCH);

        assertThat(handlers).containsOnlyKeys("Ping", "PutThing", "Watch");
        assertThat(api.getField("SERVICE_NAME").get(null)).isEqualTo("demo");
        assertThat(handlers.get("PutThing").handle(context, Map.of("ARN", "a", "Mode", "fast", "Item", Map.of("Key", "k"))))
                .isEqualTo(Map.of("Item", Map.of("Key", "k"), "Modes", List.of("fast")));
        assertThatThrownBy(() -> handlers.get("PutThing").handle(context, Map.of()))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("NoSuchThing");
                    assertThat(e.fields()).isEqualTo(Map.of("Thing", "none"));
                });
        assertThatThrownBy(() -> handlers.get("Ping").handle(context, Map.of()))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("NotImplemented");
                    assertThat(e).hasMessageContaining("Ping").hasMessageContaining("Demo Service");
                });
        assertThat(api.getMethod("ping", RequestContext.class).getReturnType()).isEqualTo(void.class);
    }

    private static Object invokeStatic(String simpleName, String method, Object argument) throws Exception {
        Class<?> type = loader.loadClass("io.kasumi.api.demo." + simpleName);
        Method m = type.getMethod(method, argument == null || argument instanceof String ? String.class : Map.class);
        return unwrap(() -> m.invoke(null, argument));
    }

    private static Object call(Object target, String method) throws Exception {
        Method m = target.getClass().getMethod(method);
        return unwrap(() -> m.invoke(target));
    }

    private interface Invocation {
        Object invoke() throws Exception;
    }

    private static Object unwrap(Invocation invocation) throws Exception {
        try {
            return invocation.invoke();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
