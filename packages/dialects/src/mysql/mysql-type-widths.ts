import type { TypeWidths } from "../type-widths";

/**
 * MySQL's and MariaDB's types by capacity (https://dev.mysql.com/doc/refman/8.0/en/storage-requirements.html):
 * five integer widths, and four TEXT sizes (255 B, 64 KB, 16 MB, 4 GB) that narrow one into another.
 */
export const mysqlTypeWidths: TypeWidths = {
  integers: { tinyint: 1, smallint: 2, mediumint: 3, int: 4, integer: 4, bigint: 5 },
  floats: { float: 1, double: 2 },
  decimals: new Set(["decimal", "dec"]),
  boundedStrings: new Set(["varchar", "char", "nvarchar", "nchar"]),
  boundedBinaries: new Set(["varbinary", "binary", "bit"]),
  fixedWidth: new Set(["char", "nchar", "binary", "bit"]),
  texts: new Set(["tinytext", "text", "mediumtext", "longtext"]),
  textSizes: { tinytext: 1, text: 2, mediumtext: 3, longtext: 4 },
  // https://mariadb.com/kb/en/date-and-time-data-types/: no fractional digits unless named.
  temporals: {
    date: { date: true, time: false, fraction: 0 },
    datetime: { date: true, time: true, fraction: 0 },
    timestamp: { date: true, time: true, fraction: 0 },
    time: { date: false, time: true, fraction: 0 },
  },
};
