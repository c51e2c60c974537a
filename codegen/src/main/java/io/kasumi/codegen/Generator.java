package io.kasumi.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Build-time entry point: models directory in, generated Java sources out. */
public final class Generator {
    private Generator() {
    }

    public static void main(String[] args) throws IOException {
        Path models = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        // Generation of records and interfaces lands with the code generator; see codegen/README.
        System.out.println("kasumi codegen: models " + models + " -> " + out);
    }
}
