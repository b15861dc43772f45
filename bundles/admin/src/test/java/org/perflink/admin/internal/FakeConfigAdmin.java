package org.perflink.admin.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * ConfigurationAdmin as far as the admin commands use it: factory configurations, filtered listing (with the
 * framework's own filter syntax), update and delete. Records the location of every factory configuration.
 */
public final class FakeConfigAdmin implements ConfigurationAdmin {

    public final Map<String, FakeConfiguration> configs = new LinkedHashMap<>();
    public final List<String> factoryLocations = new ArrayList<>();

    /** Adds a factory configuration as FileInstall would have made it from {@code etc/}. */
    public FakeConfiguration addFactoryConfig(String factoryPid, String name, Map<String, ?> props) {
        FakeConfiguration c = new FakeConfiguration(this, factoryPid + "~" + name, factoryPid);
        Hashtable<String, Object> d = new Hashtable<>(props);
        c.setProperties(d);
        configs.put(c.getPid(), c);
        return c;
    }

    /** Adds a singleton configuration. */
    public FakeConfiguration addConfig(String pid, Map<String, ?> props) {
        FakeConfiguration c = new FakeConfiguration(this, pid, null);
        c.setProperties(new Hashtable<String, Object>(props));
        configs.put(pid, c);
        return c;
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        factoryLocations.add(location);
        return configs.computeIfAbsent(factoryPid + "~" + name, pid -> new FakeConfiguration(this, pid, factoryPid));
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        return getFactoryConfiguration(factoryPid, name, null);
    }

    @Override
    public Configuration[] listConfigurations(String filter) throws InvalidSyntaxException {
        Filter f = filter == null ? null : FrameworkUtil.createFilter(filter);
        List<Configuration> result = new ArrayList<>();
        for (FakeConfiguration c : configs.values()) {
            Dictionary<String, Object> props = c.getProperties();
            if (props != null && (f == null || f.match(props))) {
                result.add(c);
            }
        }
        return result.isEmpty() ? null : result.toArray(new Configuration[0]);
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        throw new UnsupportedOperationException("getConfiguration creates configurations: not to be called");
    }

    @Override
    public Configuration getConfiguration(String pid) {
        throw new UnsupportedOperationException("getConfiguration creates configurations: not to be called");
    }

    /** A configuration; {@link #getProperties()} returns a copy, as Felix ConfigAdmin does. */
    public static final class FakeConfiguration implements Configuration {

        private final FakeConfigAdmin admin;
        private final String pid;
        private final String factoryPid;
        private Hashtable<String, Object> properties;
        public int updates;

        FakeConfiguration(FakeConfigAdmin admin, String pid, String factoryPid) {
            this.admin = admin;
            this.pid = pid;
            this.factoryPid = factoryPid;
        }

        void setProperties(Dictionary<String, ?> props) {
            Hashtable<String, Object> copy = new Hashtable<>();
            for (Enumeration<String> keys = props.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                copy.put(k, props.get(k));
            }
            copy.put("service.pid", pid);
            if (factoryPid != null) {
                copy.put("service.factoryPid", factoryPid);
            }
            properties = copy;
        }

        /** The raw stored value of a key (no copy). */
        public Object value(String key) {
            return properties == null ? null : properties.get(key);
        }

        @Override
        public String getPid() {
            return pid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return properties == null ? null : new Hashtable<>(properties);
        }

        @Override
        public void update(Dictionary<String, ?> props) {
            setProperties(props);
            updates++;
        }

        @Override
        public void delete() {
            admin.configs.remove(pid);
            properties = null;
        }

        @Override
        public String getFactoryPid() {
            return factoryPid;
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public void update() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> props) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setBundleLocation(String location) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getBundleLocation() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getChangeCount() {
            return updates;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attrs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return Set.of();
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attrs) {
            throw new UnsupportedOperationException();
        }
    }
}
