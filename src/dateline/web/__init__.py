"""dateline.web"""
