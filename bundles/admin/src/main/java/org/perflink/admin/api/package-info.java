/**
 * What the admin web page and REST API (bundle {@code org.perflink.admin.web}) need of the administration
 * logic the {@code perflink:} commands use: one service, {@link org.perflink.admin.api.AdminOperations},
 * registered by this bundle. HTTP, authentication and CSRF belong to the web bundle; reading and changing
 * regions, dead letters, results and the audit log belong here, so the shell and the web change the same
 * things in the same way and audit them alike.
 */
@Export
@Version("1.3.0")
package org.perflink.admin.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
