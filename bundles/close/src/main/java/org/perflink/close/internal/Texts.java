package org.perflink.close.internal;

import java.text.MessageFormat;
import java.util.Locale;

import org.perflink.api.rules.Messages;
import org.perflink.api.rules.Messages.Text;

/**
 * The bundle's zh-CN/English texts. Templates are fixed resources; arguments are pre-formatted strings,
 * or {@link Text}s (words such as grades) that are filled in per language.
 */
final class Texts {

    private static final Messages MESSAGES = new Messages("org.perflink.close.messages", Texts.class.getClassLoader());
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private Texts() {
    }

    static Text text(String key, Object... args) {
        // Raw templates (no arguments), formatted here so that Text arguments resolve per language.
        Text templates = MESSAGES.text(key);
        return new Text(format(templates.zh(), ZH, args, true), format(templates.en(), Locale.ENGLISH, args, false));
    }

    private static String format(String template, Locale locale, Object[] args, boolean zh) {
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof Text t ? (zh ? t.zh() : t.en()) : String.valueOf(args[i]);
        }
        // Always through MessageFormat, so that quoting ('') means the same with and without arguments.
        return new MessageFormat(template, locale).format(resolved);
    }
}
