/**
 * Storing files that come from attackers: sanitised names, only under the output directory, never
 * overwriting, hashed in the same pass and typed by their first bytes (Apache Tika). Imports nothing of the
 * project.
 */
package net.sguil.bridge.files;
