"""A description of the machine a benchmark ran on."""
import datetime
import os
import platform


def cpu_model():
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def memory_total_gib():
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / (1 << 20)
    return None


def describe_machine():
    machine = {
        "cpus": os.cpu_count(),
        "cpu_model": cpu_model(),
        "memory_gib": memory_total_gib(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "load_average_start": os.getloadavg(),
    }
    load = " ".join(f"{value:.2f}" for value in machine["load_average_start"])
    machine["summary"] = (
        f"{machine['cpus']} x {machine['cpu_model']}, {machine['memory_gib']:.1f} GiB,"
        f" Linux {machine['kernel']}, load average {load}, {machine['date']}"
    )
    return machine
