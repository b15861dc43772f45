/** Rule packs (parameters with inheritance), parameters and bilingual messages shared by the rule bundles. */
@Export
@Version("1.1.0")
package org.perflink.api.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
