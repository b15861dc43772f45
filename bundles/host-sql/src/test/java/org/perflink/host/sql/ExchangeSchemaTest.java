package org.perflink.host.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perflink.api.model.ResultKind;
import org.perflink.host.sql.ExchangeSchema.Input;

class ExchangeSchemaTest {

    @Test
    void standardNamesUnlessMappedPerTableOrForEveryTable() {
        ExchangeSchema s = ExchangeSchema.mapped(List.of("projects=JX.V_XMJXMB", "verdicts=JX.T_SHJG"),
                List.of("body=NR", "projects.project_code=XMDM", "verdicts.id=JGBH"));
        assertEquals("JX.V_XMJXMB", s.table(Input.PROJECTS));
        assertEquals("pl_execution", s.table(Input.EXECUTION));
        assertEquals("JX.T_SHJG", s.resultTable(ResultKind.VERDICT));
        assertEquals("pl_scores", s.resultTable(ResultKind.SCORE));
        assertEquals("XMDM", s.column(Input.PROJECTS, "project_code"));
        assertEquals("project_code", s.column(Input.EXECUTION, "project_code"));
        assertEquals("NR", s.column(Input.EXECUTION, "body"));
        assertEquals("JGBH", s.column(ExchangeSchema.resultsTable(ResultKind.VERDICT), "id"));
        assertEquals("id", s.column(ExchangeSchema.resultsTable(ResultKind.SCORE), "id"));
    }

    @Test
    void aNameThatIsMoreThanAnIdentifierIsRefusedNamingTheEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExchangeSchema.mapped(List.of("projects=x; DROP TABLE y"), List.of()));
        assertTrue(e.getMessage().contains("projects=x; DROP TABLE y"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExchangeSchema.mapped(List.of(), List.of("body=NR --")));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ExchangeSchema.mapped(List.of("budgets=T"), List.of()));
        assertTrue(unknown.getMessage().contains("budgets"), unknown.getMessage());
    }

    @Test
    void bothDdlScriptsDefineEveryTableOfTheSchema() {
        for (String dialect : List.of("h2", "postgresql")) {
            String ddl = ExchangeSchema.ddl(dialect);
            for (Input in : Input.values()) {
                assertTrue(ddl.contains("CREATE TABLE IF NOT EXISTS " + in.table() + " ("), dialect + " " + in);
            }
            for (ResultKind k : ResultKind.values()) {
                assertTrue(ddl.contains("CREATE TABLE IF NOT EXISTS " + ExchangeSchema.resultsTable(k) + " ("), dialect + " " + k);
            }
            assertEquals(Input.values().length + 2 * ResultKind.values().length,
                    ExchangeSchema.statements(ddl).size(), dialect);
        }
    }
}
