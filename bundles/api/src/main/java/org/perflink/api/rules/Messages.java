package org.perflink.api.rules;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The zh-CN and English texts of one bundle's rules, from {@code <baseName>_zh_CN.properties} and
 * {@code <baseName>_en.properties} (UTF-8). Templates are fixed resources; only figures are filled in,
 * never a template made from host input.
 */
public final class Messages {

    /** A message in both languages. */
    public record Text(String zh, String en) {
    }

    private final ResourceBundle zh;
    private final ResourceBundle en;

    public Messages(String baseName, ClassLoader loader) {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        this.zh = ResourceBundle.getBundle(baseName, Locale.SIMPLIFIED_CHINESE, loader, noFallback);
        this.en = ResourceBundle.getBundle(baseName, Locale.ENGLISH, loader, noFallback);
    }

    public Text text(String key, Object... args) {
        return new Text(format(zh, key, args), format(en, key, args));
    }

    private static String format(ResourceBundle bundle, String key, Object... args) {
        String template = bundle.getString(key);
        return args.length == 0 ? template : new MessageFormat(template, bundle.getLocale()).format(args);
    }
}
