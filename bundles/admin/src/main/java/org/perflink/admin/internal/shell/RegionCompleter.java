package org.perflink.admin.internal.shell;

import java.util.List;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.perflink.core.RegionKeys;
import org.perflink.core.RegionSettings;

/**
 * Completes region codes from the {@link RegionSettings} services (one per configured region, disabled ones
 * included). Reads the services' {@code regionCode} property at each completion, so a region added or
 * removed a moment ago completes correctly; a completer is created once, a list injected into it would not.
 */
@Service
public class RegionCompleter implements Completer {

    @Reference
    BundleContext bundleContext;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(regionCodes(bundleContext)).complete(session, commandLine, candidates);
    }

    static TreeSet<String> regionCodes(BundleContext context) {
        TreeSet<String> codes = new TreeSet<>();
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(RegionSettings.class.getName(), null);
            if (refs != null) {
                for (ServiceReference<?> ref : refs) {
                    Object code = ref.getProperty(RegionKeys.REGION_CODE);
                    if (code != null) {
                        codes.add(code.toString());
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter given
        }
        return codes;
    }
}
