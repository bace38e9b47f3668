/**
 * Named, counted anomalies ("weirds"): the counter and the {@link net.sguil.bridge.weird.Weird}
 * contract each layer's enum of weirds implements. Imports nothing of the project.
 */
package net.sguil.bridge.weird;
