// The text HELP <command> prints for each shell command, as cqlsh 6.2 prints it (its command
// docstrings): kept here without their 8-space indent, which `shellHelp` puts back.

const DOCS: Record<string, string> = {
  capture: `CAPTURE [cqlsh only]

Begins capturing command output and appending it to a specified file.
Output will not be shown at the console while it is captured.

Usage:

  CAPTURE '<file>';
  CAPTURE OFF;
  CAPTURE;

That is, the path to the file to be appended to must be given inside a
string literal. The path is interpreted relative to the current working
directory. The tilde shorthand notation ('~/mydir') is supported for
referring to $HOME.

Only query result output is captured. Errors and output from cqlsh-only
commands will still be shown in the cqlsh session.

To stop capturing output and show it in the cqlsh session again, use
CAPTURE OFF.

To inspect the current capture configuration, use CAPTURE with no
arguments.`,
  clear: `CLEAR/CLS [cqlsh only]

Clears the console.`,
  consistency: `CONSISTENCY [cqlsh only]

   Overrides default consistency level (default level is ONE).

CONSISTENCY <level>

   Sets consistency level for future requests.

   Valid consistency levels:

   ANY, ONE, TWO, THREE, QUORUM, ALL, LOCAL_ONE, LOCAL_QUORUM, EACH_QUORUM, SERIAL and LOCAL_SERIAL.

   SERIAL and LOCAL_SERIAL may be used only for SELECTs; will be rejected with updates.

CONSISTENCY

   CONSISTENCY with no arguments shows the current consistency level.`,
  copy: `COPY [cqlsh only]

  COPY x FROM: Imports CSV data into a Cassandra table
  COPY x TO: Exports data from a Cassandra table in CSV format.

COPY <table_name> [ ( column [, ...] ) ]
     FROM ( '<file_pattern_1, file_pattern_2, ... file_pattern_n>' | STDIN )
     [ WITH <option>='value' [AND ...] ];

File patterns are either file names or valid python glob expressions, e.g. *.csv or folder/*.csv.

COPY <table_name> [ ( column [, ...] ) ]
     TO ( '<filename>' | STDOUT )
     [ WITH <option>='value' [AND ...] ];

Available common COPY options and defaults:

  DELIMITER=','           - character that appears between records
  QUOTE='"'               - quoting character to be used to quote fields
  ESCAPE='\\'              - character to appear before the QUOTE char when quoted
  HEADER=false            - whether to ignore the first line
  NULL=''                 - string that represents a null value
  DATETIMEFORMAT=         - timestamp strftime format
    '%Y-%m-%d %H:%M:%S%z'   defaults to time_format value in cqlshrc
  MAXATTEMPTS=5           - the maximum number of attempts per batch or range
  REPORTFREQUENCY=0.25    - the frequency with which we display status updates in seconds
  DECIMALSEP='.'          - the separator for decimal values
  THOUSANDSSEP=''         - the separator for thousands digit groups
  BOOLSTYLE='True,False'  - the representation for booleans, case insensitive, specify true followed by false,
                            for example yes,no or 1,0
  NUMPROCESSES=n          - the number of worker processes, by default the number of cores minus one
                            capped at 16
  CONFIGFILE=''           - a configuration file with the same format as .cqlshrc (see the Python ConfigParser
                            documentation) where you can specify WITH options under the following optional
                            sections: [copy], [copy-to], [copy-from], [copy:ks.table], [copy-to:ks.table],
                            [copy-from:ks.table], where <ks> is your keyspace name and <table> is your table
                            name. Options are read from these sections, in the order specified
                            above, and command line options always override options in configuration files.
                            Depending on the COPY direction, only the relevant copy-from or copy-to sections
                            are used. If no configfile is specified then .cqlshrc is searched instead.
  RATEFILE=''             - an optional file where to print the output statistics

Available COPY FROM options and defaults:

  CHUNKSIZE=5000          - the size of chunks passed to worker processes
  INGESTRATE=100000       - an approximate ingest rate in rows per second
  MINBATCHSIZE=10         - the minimum size of an import batch
  MAXBATCHSIZE=20         - the maximum size of an import batch
  MAXROWS=-1              - the maximum number of rows, -1 means no maximum
  SKIPROWS=0              - the number of rows to skip
  SKIPCOLS=''             - a comma separated list of column names to skip
  MAXPARSEERRORS=-1       - the maximum global number of parsing errors, -1 means no maximum
  MAXINSERTERRORS=1000    - the maximum global number of insert errors, -1 means no maximum
  ERRFILE=''              - a file where to store all rows that could not be imported, by default this is
                            import_ks_table.err where <ks> is your keyspace and <table> is your table name.
  PREPAREDSTATEMENTS=True - whether to use prepared statements when importing, by default True. Set this to
                            False if you don't mind shifting data parsing to the cluster. The cluster will also
                            have to compile every batch statement. For large and oversized clusters
                            this will result in a faster import but for smaller clusters it may generate
                            timeouts.
  TTL=3600                - the time to live in seconds, by default data will not expire

Available COPY TO options and defaults:

  ENCODING='utf8'          - encoding for CSV output
  PAGESIZE='1000'          - the page size for fetching results
  PAGETIMEOUT=10           - the page timeout in seconds for fetching results
  BEGINTOKEN=''            - the minimum token string to consider when exporting data
  ENDTOKEN=''              - the maximum token string to consider when exporting data
  MAXREQUESTS=6            - the maximum number of requests each worker process can work on in parallel
  MAXOUTPUTSIZE='-1'       - the maximum size of the output file measured in number of lines,
                             beyond this maximum the output file will be split into segments,
                             -1 means unlimited.
  FLOATPRECISION=5         - the number of digits displayed after the decimal point for cql float values
  DOUBLEPRECISION=12       - the number of digits displayed after the decimal point for cql double values

When entering CSV data on STDIN, you can use the sequence "\\."
on a line by itself to end the data input.`,
  describe: `DESCRIBE [cqlsh only]

(DESC may be used as a shorthand.)

  Outputs information about the connected Cassandra cluster, or about
  the data objects stored in the cluster. Use in one of the following ways:

DESCRIBE KEYSPACES

  Output the names of all keyspaces.

DESCRIBE KEYSPACE [<keyspacename>]

  Output CQL commands that could be used to recreate the given keyspace,
  and the objects in it (such as tables, types, functions, etc.).
  In some cases, as the CQL interface matures, there will be some metadata
  about a keyspace that is not representable with CQL. That metadata will not be shown.
  The '<keyspacename>' argument may be omitted, in which case the current
  keyspace will be described.

DESCRIBE TABLES

  Output the names of all tables in the current keyspace, or in all
  keyspaces if there is no current keyspace.

DESCRIBE TABLE [<keyspace>.]<tablename>

  Output CQL commands that could be used to recreate the given table.
  In some cases, as above, there may be table metadata which is not
  representable and which will not be shown.

DESCRIBE INDEX <indexname>

  Output the CQL command that could be used to recreate the given index.
  In some cases, there may be index metadata which is not representable
  and which will not be shown.

DESCRIBE MATERIALIZED VIEW <viewname>

  Output the CQL command that could be used to recreate the given materialized view.
  In some cases, there may be materialized view metadata which is not representable
  and which will not be shown.

DESCRIBE CLUSTER

  Output information about the connected Cassandra cluster, such as the
  cluster name, and the partitioner and snitch in use. When you are
  connected to a non-system keyspace, also shows endpoint-range
  ownership information for the Cassandra ring.

DESCRIBE [FULL] SCHEMA

  Output CQL commands that could be used to recreate the entire (non-system) schema.
  Works as though "DESCRIBE KEYSPACE k" was invoked for each non-system keyspace
  k. Use DESCRIBE FULL SCHEMA to include the system keyspaces.

DESCRIBE TYPES

  Output the names of all user-defined-types in the current keyspace, or in all
  keyspaces if there is no current keyspace.

DESCRIBE TYPE [<keyspace>.]<type>

  Output the CQL command that could be used to recreate the given user-defined-type.

DESCRIBE FUNCTIONS

  Output the names of all user-defined-functions in the current keyspace, or in all
  keyspaces if there is no current keyspace.

DESCRIBE FUNCTION [<keyspace>.]<function>

  Output the CQL command that could be used to recreate the given user-defined-function.

DESCRIBE AGGREGATES

  Output the names of all user-defined-aggregates in the current keyspace, or in all
  keyspaces if there is no current keyspace.

DESCRIBE AGGREGATE [<keyspace>.]<aggregate>

  Output the CQL command that could be used to recreate the given user-defined-aggregate.

DESCRIBE <objname>

  Output CQL commands that could be used to recreate the entire object schema,
  where object can be either a keyspace or a table or an index or a materialized
  view (in this order).`,
  exit: `EXIT/QUIT [cqlsh only]

Exits cqlsh.`,
  expand: `EXPAND [cqlsh]

  Enables or disables expanded (vertical) output.

EXPAND ON

  Enables expanded (vertical) output.

EXPAND OFF

  Disables expanded (vertical) output.

EXPAND

  EXPAND with no arguments shows the current value of expand setting.`,
  help: `HELP [cqlsh only]

Gives information about cqlsh commands. To see available topics,
enter "HELP" without any arguments. To see help on a topic,
use "HELP <topic>".`,
  history: `HISTORY [cqlsh only]

   Displays the most recent commands executed in cqlsh

HISTORY (<n>)

   If n is specified, the history display length is set to n for this session`,
  login: `LOGIN [cqlsh only]

   Changes login information without requiring restart.

LOGIN <username> (<password>)

   Login using the specified username. If password is specified, it will be used
   otherwise, you will be prompted to enter.`,
  paging: `PAGING [cqlsh]

  Enables or disables query paging.

PAGING ON

  Enables query paging for all further queries.

PAGING OFF

  Disables paging.

PAGING

  PAGING with no arguments shows the current query paging status.`,
  serial: `SERIAL CONSISTENCY [cqlsh only]

   Overrides serial consistency level (default level is SERIAL).

SERIAL CONSISTENCY <level>

   Sets consistency level for future conditional updates.

   Valid consistency levels:

   SERIAL, LOCAL_SERIAL.

SERIAL CONSISTENCY

   SERIAL CONSISTENCY with no arguments shows the current consistency level.`,
  show: `SHOW [cqlsh only]

  Displays information about the current cqlsh session. Can be called in
  the following ways:

SHOW VERSION

  Shows the version and build of the connected Cassandra instance, as
  well as the version of the CQL spec that the connected Cassandra
  instance understands.

SHOW HOST

  Shows where cqlsh is currently connected.

SHOW SESSION <sessionid>

  Pretty-prints the requested tracing session.

SHOW REPLICAS <token> (<keyspace>)

  Lists the replica nodes by IP address for the given token. The current
  keyspace is used if one is not specified.`,
  source: `SOURCE [cqlsh only]

Executes a file containing CQL statements. Gives the output for each
statement in turn, if any, or any errors that occur along the way.

Errors do NOT abort execution of the CQL source file.

Usage:

  SOURCE '<file>';

That is, the path to the file to be executed must be given inside a
string literal. The path is interpreted relative to the current working
directory. The tilde shorthand notation ('~/mydir') is supported for
referring to $HOME.

See also the --file option to cqlsh.`,
  tracing: `TRACING [cqlsh]

  Enables or disables request tracing.

TRACING ON

  Enables tracing for all further requests.

TRACING OFF

  Disables tracing.

TRACING

  TRACING with no arguments shows the current tracing status.`,
  unicode: `Textual input/output

When control characters, or other characters which can't be encoded
in your current locale, are found in values of 'text' or 'ascii'
types, it will be shown as a backslash escape. If color is enabled,
any such backslash escapes will be shown in a different color from
the surrounding text.

Unicode code points in your data will be output intact, if the
encoding for your locale is capable of decoding them. If you prefer
that non-ascii characters be shown with Python-style "\\uABCD"
escape sequences, invoke cqlsh with an ASCII locale (for example,
by setting the $LANG environment variable to "C").`,
};
DOCS.desc = DOCS.describe;
DOCS.cls = DOCS.clear;

/** Shell commands HELP documents (lower case), as cqlsh lists them. */
export const SHELL_TOPICS: readonly string[] = Object.keys(DOCS).sort();

/** The text HELP prints for a shell command (a topic of SHELL_TOPICS), without the final newline. */
export function shellHelp(topic: string): string | undefined {
  const doc = DOCS[topic.toLowerCase()];
  if (doc === undefined) return undefined;
  const body = doc
    .split('\n')
    .map((l) => (l ? `        ${l}` : ''))
    .join('\n');
  return `\n${body}\n        `;
}
