# Quarry's execution sandbox, run by sh inside fresh user, network, mount and pid namespaces (unshare).
# Arguments: WORKSPACE REPOSITORY CPU_SECONDS MEMORY_BYTES FILE_BYTES PROCESSES COMMAND...
# Inside: the workspace is /dev/shm/ws (the only writable place that outlives the run), every other mount
# is read-only, the repository is /dev/shm/repo, /tmp and /var/tmp are private and empty, there is no
# network, and the command runs under CPU, address-space, file-size and process limits. Exit 97: the sandbox could not be set up.
ws=$1; repo=$2; cpu=$3; mem=$4; fsize=$5; nproc=$6; shift 6
mount -t tmpfs -o size=16m,mode=755 tmpfs /dev/shm || exit 97
mkdir /dev/shm/ws /dev/shm/repo || exit 97
mount --bind "$ws" /dev/shm/ws || exit 97
if [ -n "$repo" ]; then
  mount --bind "$repo" /dev/shm/repo && mount -o remount,bind,ro /dev/shm/repo || exit 97
fi
# Every other mount read-only, so even a world-writable host folder cannot be written.
mount -o remount,bind,ro / || exit 97
for m in $(awk '{print $5}' /proc/self/mountinfo); do
  [ "$m" = /dev/shm/ws ] || mount -o remount,bind,ro "$m" 2>/dev/null
done
mount -t tmpfs -o size=64m tmpfs /tmp || exit 97
mount -t tmpfs -o size=16m tmpfs /var/tmp || exit 97
cd /dev/shm/ws || exit 97
prlimit --cpu="$cpu:$((cpu + 1))" --as="$mem" --fsize="$fsize" --nproc="$nproc" --core=0 -- "$@"
rc=$?
echo "$rc" > /dev/shm/ws/.quarry-exit
exit "$rc"
