/**
 * The file-drop host for plain Java (the launcher's demo, tests): {@link org.perflink.host.files.FileHosts} makes
 * the gateway without OSGi, {@link org.perflink.host.files.FormWorkbooks} writes contract items as the forms the
 * folder reads. Inside Karaf take the {@code HostGateway} service instead.
 */
@Export
@Version("1.0.0")
package org.perflink.host.files;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
