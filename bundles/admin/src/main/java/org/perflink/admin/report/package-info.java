/**
 * What the {@code perflink:} shell commands and the {@code ./perflink} command line share, free of OSGi and
 * Karaf types: the terminal table ({@link org.perflink.admin.report.TextTable}), the compile-stage dry run
 * ({@link org.perflink.admin.report.ProjectCheck}, {@link org.perflink.admin.report.VerdictTable}), rule pack
 * files ({@link org.perflink.admin.report.RulePackFile}) and the what-if simulation against a host with its
 * table and CSV ({@link org.perflink.admin.report.HostSimulation}, {@link org.perflink.admin.report.SimulationTable},
 * {@link org.perflink.admin.report.SimulationCsv}).
 * <p>
 * The classes that use a stage bundle (compile, close) or the host gateway (camel) load only where those are
 * present; inside Karaf the commands check first (their packages are optional imports of this bundle).
 */
@Export
@Version("1.0.0")
package org.perflink.admin.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
