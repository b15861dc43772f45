package org.perflink.store.internal;

import static java.util.Objects.requireNonNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.perflink.store.PublicRecords;

/** {@link PublicRecords} over JDBC ({@code pl_public_record}); the event transaction writes it ({@link PublicRows}). */
final class JdbcPublicRecords implements PublicRecords {

    /** Rows read per round trip while streaming a year (a region may hold 100 000 projects). */
    private static final int FETCH_SIZE = 500;

    private final Jdbc jdbc;

    JdbcPublicRecords(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void forEach(String regionCode, int year, String kind, Consumer<PublicRecord> each) {
        requireNonNull(regionCode, "regionCode");
        requireNonNull(kind, "kind");
        requireNonNull(each, "each");
        jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT project_code, body FROM pl_public_record "
                    + "WHERE region_code = ? AND budget_year = ? AND kind = ? ORDER BY project_code")) {
                ps.setString(1, regionCode);
                ps.setInt(2, year);
                ps.setString(3, kind);
                ps.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new PublicRecord(regionCode, year, kind, rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public long count(String regionCode, int year, String kind) {
        return jdbc.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM pl_public_record "
                    + "WHERE region_code = ? AND budget_year = ? AND kind = ?")) {
                ps.setString(1, regionCode);
                ps.setInt(2, year);
                ps.setString(3, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Integer> years(String regionCode) {
        requireNonNull(regionCode, "regionCode");
        return jdbc.inTransaction(c -> {
            // the primary key's leading columns: an index range, one row per year
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT budget_year FROM pl_public_record "
                    + "WHERE region_code = ? ORDER BY budget_year")) {
                ps.setString(1, regionCode);
                List<Integer> years = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        years.add(rs.getInt(1));
                    }
                }
                return years;
            }
        });
    }
}
