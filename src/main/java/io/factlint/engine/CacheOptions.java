package io.factlint.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where compiled rule packs are cached, or that they are not. The default folder is {@code $FACTLINT_CACHE_DIR}
 * if set, else {@code $XDG_CACHE_HOME/factlint}, else {@code ~/.cache/factlint}.
 *
 * @param enabled whether {@link RulePack#load(Path, CacheOptions)} reads and writes the cache
 * @param dir     the cache folder (created when an entry is first written)
 */
public record CacheOptions(boolean enabled, Path dir) {

    /** No cache: every load compiles (what {@link RulePack#load(Path)} does). */
    public static CacheOptions disabled() {
        return new CacheOptions(false, null);
    }

    /** The cache in the given folder. */
    public static CacheOptions in(Path dir) {
        return new CacheOptions(true, dir);
    }

    /** The cache in the user's cache folder (from the environment). */
    public static CacheOptions defaults() {
        return in(defaultDir(System.getenv(), System.getProperty("user.home")));
    }

    /** {@code FACTLINT_CACHE_DIR}, else {@code XDG_CACHE_HOME/factlint}, else {@code HOME/.cache/factlint}. */
    static Path defaultDir(Map<String, String> env, String userHome) {
        String own = env.get("FACTLINT_CACHE_DIR");
        if (own != null && !own.isBlank()) return Path.of(own);
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "factlint");
        return Path.of(userHome == null ? "." : userHome, ".cache", "factlint");
    }
}
