package de.stadtlabore.support;

import java.nio.file.Path;

/** Files at the repository root — the contract, the realm exports — wherever the tests run from. */
public final class Repository {

    private Repository() {
    }

    public static Path file(String relative) {
        return Path.of(System.getProperty("stadtlabore.repository-root", "..")).resolve(relative).normalize();
    }
}
