// The version of cassandra-driver that tscqlsh runs with (--debug prints it, as cqlsh prints its
// Python driver's). Taken from the driver's package.json when tscqlsh is built: the bundle carries
// the driver, so no node_modules/cassandra-driver is there to read at run time.
import driverPackage from 'cassandra-driver/package.json' with { type: 'json' };

export const DRIVER_VERSION: string = driverPackage.version;
