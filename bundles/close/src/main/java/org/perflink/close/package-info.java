/**
 * Close stage (决算) rules as plain Java: project scores and grades (绩效评价), linkage of results to next
 * year's budget (结果应用与预算挂钩), department composite scores and accountability notices (两书一函), and a
 * what-if {@link org.perflink.close.Simulation} of a candidate rule pack. No OSGi types: the calculators are
 * reusable by the hook, by simulations and by in-container hosts alike.
 */
@Export
@Version("1.0.0")
package org.perflink.close;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
